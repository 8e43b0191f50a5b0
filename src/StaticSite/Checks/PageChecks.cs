using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>A finished page: its HTML, where it goes, and what it was made from.</summary>
/// <param name="Html">The page's text: where the render stage made it (valid while the page is checked), or a string.</param>
public sealed record RenderedPage(string OutputPath, ReadOnlyMemory<char> Html, string SourceDisplayPath, IReadOnlyList<LinkRef> MarkdownLinks);

/// <summary>
/// The check stage: every final page is read once (layouts included, see <see cref="PageHtml"/>) and enforces what
/// readers rely on: one h1, no skipped heading levels, alt on every image, unique ids, no inline
/// script or style (so a strict CSP holds), and every internal link and fragment resolving.
/// Each check is a rule in <see cref="CheckRules"/>: page rules run during one walk of each page,
/// site rules afterwards over the strings kept from every page.
/// </summary>
public static class PageChecks
{
    public static void Run(BuildContext context, IReadOnlyList<RenderedPage> pages, IReadOnlySet<string> outputFiles)
    {
        var checker = new PageChecker(context, outputFiles);
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
public sealed class PageChecker
{
    private readonly BuildContext _context;
    private readonly PageWalk _walk;

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
        // The elements are let go as soon as their page is read: the site rules need only strings.
        return _walk.Read(page, PageHtml.Parse(page.Html), diagnostics);
    }

    public void CheckSite(IReadOnlyList<PageFacts> facts)
    {
        var site = new SiteFacts(facts, _context.Config.BasePath, _context.Diagnostics);
        foreach (var rule in CheckRules.Create().OfType<ISiteRule>())
        {
            rule.Check(site);
        }
    }
}
