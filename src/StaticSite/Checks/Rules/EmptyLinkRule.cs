using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>Screen readers announce a link by its text; a link with none is read as its address, or skipped.</summary>
public sealed class EmptyLinkRule : IPageRule
{
    public string Code => Codes.EmptyLink;
    public Severity Severity => Severity.Error;
    public string Message => "link to '{0}' has no text a screen reader can announce";
    public IReadOnlyList<string> Elements => ["a"];

    public void Visit(PageElement element, PageScan page)
    {
        if (element.GetAttribute("href") is { } href && AccessibleText(element).Length == 0)
        {
            page.Report(this, href);
        }
    }

    // Text first, then aria-label, then the alt of images inside: what a screen reader falls back on.
    private static string AccessibleText(PageElement element)
    {
        var text = element.TextContent.Trim();
        return text.Length > 0 ? text
            : (element.GetAttribute("aria-label") ?? "").Trim() is { Length: > 0 } label ? label
            : string.Concat(element.Descendants.Where(e => e.LocalName == "img" && e.HasAttribute("alt")).Select(i => i.GetAttribute("alt"))).Trim();
    }
}
