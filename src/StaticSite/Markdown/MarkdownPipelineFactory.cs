using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using StaticSite.Images;
using StaticSite.Markdown.Components;

namespace StaticSite.Markdown;

public static class MarkdownPipelineFactory
{
    /// <summary>
    /// The Markdown dialect authors write, each extension chosen on purpose:
    /// <list type="bullet">
    /// <item>AutoIdentifiers (GitHub style): every heading gets a stable id, for "On this page" and #links.</item>
    /// <item>PipeTables: real tables with header cells, which screen readers can navigate.</item>
    /// <item>AutoLinks: a bare https:// address becomes a link rather than dead text.</item>
    /// <item>HealthComponents: checklists, care cards, steps and figures; any other <c>::: name</c> is an error.</item>
    /// <item>HtmlImages: <c>&lt;img&gt;</c> as HTML writes it, with the width, height and srcset the build gives it.</item>
    /// </list>
    /// Left out on purpose: generic attributes (they would let inline styles and event handlers
    /// past the CSP), SmartyPants (it would change authors' punctuation), task lists (checklists
    /// do that job accessibly), emoji shortcodes and footnotes (hard to follow with a screen reader).
    /// </summary>
    /// <param name="bareAddresses">Whether bare addresses become links (AutoLinks); without it, for text that has none (see <see cref="MarkdownDialect"/>).</param>
    public static MarkdownPipeline Create(bool bareAddresses)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables();
        if (bareAddresses)
        {
            builder.UseAutoLinks();
        }

        return builder
            .UseHealthComponents()
            .UseHtmlImages()
            .Build();
    }
}
