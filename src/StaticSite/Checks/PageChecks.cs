using AngleSharp.Html.Parser;
using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>A finished page: its HTML, where it goes, and what it was made from.</summary>
public sealed record RenderedPage(string OutputPath, string Html, string SourceDisplayPath, IReadOnlyList<LinkRef> MarkdownLinks);

/// <summary>
/// The check stage: AngleSharp reads every final page once (layouts included) and enforces what
/// readers rely on: one h1, no skipped heading levels, alt on every image, unique ids, no inline
/// script or style (so a strict CSP holds), and every internal link and fragment resolving.
/// Each check is a rule in <see cref="CheckRules"/>: page rules run during one walk of each page,
/// site rules afterwards over the strings kept from every page.
/// </summary>
public static class PageChecks
{
    public static void Run(BuildContext context, IReadOnlyList<RenderedPage> pages, IReadOnlySet<string> outputFiles)
    {
        var walk = new PageWalk(new ReferenceResolver(context.Config.BasePath, outputFiles));
        var facts = new PageFacts[pages.Count];
        // One parser per thread: making a parser sets up a whole browsing context.
        using var parsers = new ThreadLocal<HtmlParser>(() => new HtmlParser());
        Parallel.For(0, pages.Count, i =>
        {
            // The DOM is let go as soon as its page is read: a kept DOM per page is what made the
            // check stage slow and large, and the site rules need only strings.
            using var document = parsers.Value!.ParseDocument(pages[i].Html);
            facts[i] = walk.Read(pages[i], document, context.Diagnostics);
        });

        var site = new SiteFacts(facts, context.Config.BasePath, context.Diagnostics);
        foreach (var rule in CheckRules.Create().OfType<ISiteRule>())
        {
            rule.Check(site);
        }
    }
}
