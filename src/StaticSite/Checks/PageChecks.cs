using StaticSite.Diagnostics;
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
        using var checker = new PageChecker(context, outputFiles);
        var facts = new PageFacts[pages.Count];
        Parallel.For(0, pages.Count, i => facts[i] = checker.Inspect(pages[i]));
        checker.CheckSite(facts);
    }
}

/// <summary>
/// The check stage in two halves, so a page can be checked the moment it is rendered and its HTML
/// let go: <see cref="Inspect"/> runs the page rules on one page (thread-safe) and keeps only its
/// facts; <see cref="CheckSite"/> runs the site rules over every page's facts.
/// </summary>
public sealed class PageChecker : IDisposable
{
    private readonly BuildContext _context;
    private readonly PageWalk _walk;

    // One parser per thread: making a parser sets up a whole browsing context. No rule reads a
    // position in the rendered page (they report the Markdown's) or a comment, so the parser
    // keeps neither (about a tenth of its time).
    private readonly ThreadLocal<HtmlParser> _parsers = new(() => new HtmlParser(new HtmlParserOptions { DisableElementPositionTracking = true, SkipComments = true }));

    /// <param name="outputFiles">Every file the build will publish, so links can be checked against them.</param>
    public PageChecker(BuildContext context, IReadOnlySet<string> outputFiles)
    {
        _context = context;
        _walk = new PageWalk(new ReferenceResolver(context.Config.BasePath, outputFiles));
    }

    public PageFacts Inspect(RenderedPage page) => Inspect(page, _context.Diagnostics);

    /// <param name="diagnostics">Where the page rules report: the build's, or the page's own while it is cached.</param>
    public PageFacts Inspect(RenderedPage page, DiagnosticBag diagnostics)
    {
        // The DOM is let go as soon as its page is read: a kept DOM per page is what made the
        // check stage slow and large, and the site rules need only strings.
        using var document = _parsers.Value!.ParseDocument(page.Html);
        return _walk.Read(page, document, diagnostics);
    }

    public void CheckSite(IReadOnlyList<PageFacts> facts)
    {
        var site = new SiteFacts(facts, _context.Config.BasePath, _context.Diagnostics);
        foreach (var rule in CheckRules.Create().OfType<ISiteRule>())
        {
            rule.Check(site);
        }
    }

    public void Dispose() => _parsers.Dispose();
}
