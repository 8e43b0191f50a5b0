using StaticSite.Content;
using StaticSite.Markdown;
using StaticSite.Output;

namespace StaticSite.Resolve;

/// <summary>A navigation entry of site.yml with the site path of the page it names.</summary>
public sealed record NavigationTarget(string Title, string SitePath);

/// <summary>
/// The whole site indexed once, in one pass over the pages, and then looked up by key: by source
/// file, by URL, the pages under each hub, the pages with each taxonomy term, and the navigation's
/// targets. Nothing per page scans all pages (Zola's library, Hugo's page maps).
/// </summary>
public sealed class SiteGraph
{
    private SiteGraph(
        IReadOnlyList<ProcessedPage> pages,
        IReadOnlyDictionary<string, ProcessedPage> bySource,
        IReadOnlyDictionary<string, ProcessedPage> bySitePath,
        IReadOnlyDictionary<string, List<SourceDocument>> childrenOfHub,
        IReadOnlyList<NavigationTarget> navigation,
        IReadOnlyList<NavigationTarget> footerLinks,
        bool hasFeed,
        IReadOnlyDictionary<(string Taxonomy, string Term), List<SourceDocument>> pagesByTerm,
        IReadOnlyDictionary<string, string> leftOut)
    {
        _pagesByTerm = pagesByTerm;
        LeftOut = leftOut;
        Pages = pages;
        BySource = bySource;
        BySitePath = bySitePath;
        _childrenOfHub = childrenOfHub;
        Navigation = navigation;
        FooterLinks = footerLinks;
        HasFeed = hasFeed;
    }

    private readonly IReadOnlyDictionary<string, List<SourceDocument>> _childrenOfHub;
    private readonly IReadOnlyDictionary<(string Taxonomy, string Term), List<SourceDocument>> _pagesByTerm;

    public IReadOnlyList<ProcessedPage> Pages { get; }
    public IReadOnlyDictionary<string, ProcessedPage> BySource { get; }
    public IReadOnlyDictionary<string, ProcessedPage> BySitePath { get; }
    public IReadOnlyList<NavigationTarget> Navigation { get; }

    /// <summary>The footer's links (site.yml <c>footer_links</c>): pages about the site, not part of the library.</summary>
    public IReadOnlyList<NavigationTarget> FooterLinks { get; }

    /// <summary>True when some page goes in the Atom feed, so the feed exists and layouts may link it.</summary>
    public bool HasFeed { get; }

    /// <summary>Pages read but left out of this build (drafts, scheduled, expired) by source path, with why.</summary>
    public IReadOnlyDictionary<string, string> LeftOut { get; }

    /// <summary>The pages with a term of a taxonomy (as site.yml spells it), in the order of <see cref="Pages"/>.</summary>
    public IReadOnlyList<SourceDocument> PagesWithTerm(string taxonomy, string term) =>
        _pagesByTerm.TryGetValue((taxonomy, term), out var pages) ? pages : [];

    /// <summary>
    /// What a hub lists: for the home page, the pages one level down; for a section hub, every
    /// article below it. In the order the site's pages are sorted (by URL).
    /// </summary>
    public IReadOnlyList<SourceDocument> ChildrenOf(SourceDocument hub) =>
        hub.IsSectionIndex && _childrenOfHub.TryGetValue(hub.SitePath, out var children) ? children : [];

    public static SiteGraph Build(SiteConfig config, IReadOnlyList<ProcessedPage> pages, IReadOnlyDictionary<string, string>? leftOut = null)
    {
        var bySource = new Dictionary<string, ProcessedPage>(pages.Count, StringComparer.Ordinal);
        var bySitePath = new Dictionary<string, ProcessedPage>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            bySource[page.Source.SourcePath] = page;
            bySitePath.TryAdd(page.Source.SitePath, page);
        }

        var footerLinks = Targets(config.FooterLinks, bySource);
        var aboutTheSite = footerLinks.Select(l => l.SitePath).ToHashSet(StringComparer.Ordinal);
        var hubs = pages.Where(p => p.Source.IsSectionIndex).Select(p => p.Source.SitePath).ToHashSet(StringComparer.Ordinal);
        var children = hubs.ToDictionary(h => h, _ => new List<SourceDocument>(), StringComparer.Ordinal);
        var hasFeed = false;
        var pagesByTerm = new Dictionary<(string, string), List<SourceDocument>>();
        foreach (var page in pages)
        {
            var source = page.Source;
            hasFeed |= AtomFeed.Lists(source);
            foreach (var (taxonomy, terms) in source.Meta.Terms)
            {
                foreach (var term in terms)
                {
                    if (!pagesByTerm.TryGetValue((taxonomy, term), out var tagged))
                    {
                        pagesByTerm[(taxonomy, term)] = tagged = [];
                    }

                    tagged.Add(source);
                }
            }

            if (source.SitePath == "/" || !source.SitePath.EndsWith('/'))
            {
                continue;
            }

            // One level down from home: section hubs and site-wide pages such as the A to Z. Pages
            // about the site itself (the footer's links) are not part of the library on the home page.
            if (source.SitePath.Count(c => c == '/') == 2 && !aboutTheSite.Contains(source.SitePath) && children.TryGetValue("/", out var top))
            {
                top.Add(source);
            }

            if (!source.IsArticle)
            {
                continue;
            }

            // Every section hub above an article lists it.
            for (var slash = source.SitePath.IndexOf('/', 1); slash >= 0 && slash < source.SitePath.Length - 1; slash = source.SitePath.IndexOf('/', slash + 1))
            {
                if (children.TryGetValue(source.SitePath[..(slash + 1)], out var list))
                {
                    list.Add(source);
                }
            }
        }

        return new SiteGraph(pages, bySource, bySitePath, children, Targets(config.Navigation, bySource), footerLinks, hasFeed,
            pagesByTerm, leftOut ?? new Dictionary<string, string>());
    }

    /// <summary>The entries that name a page that exists (the others are reported by <see cref="SiteResolver.CheckNavigation"/>).</summary>
    private static List<NavigationTarget> Targets(IReadOnlyList<NavigationItem> items, Dictionary<string, ProcessedPage> bySource) => items
        .Select(item => bySource.TryGetValue(item.Page.TrimStart('/'), out var target) ? new NavigationTarget(item.Title, target.Source.SitePath) : null)
        .OfType<NavigationTarget>()
        .ToList();
}
