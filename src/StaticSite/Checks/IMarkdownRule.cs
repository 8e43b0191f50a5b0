using Markdig.Syntax;

namespace StaticSite.Checks;

/// <summary>
/// A rule about one page's Markdown, run while the page is processed: there the author's line and
/// column are known exactly, raw HTML included, where the final page has lost them. Each page gets
/// a fresh set from <see cref="CheckRules.Create"/>, so a rule may keep counts in fields.
/// </summary>
public interface IMarkdownRule : ICheckRule
{
    void Check(MarkdownDocument document, MarkdownScan page);
}
