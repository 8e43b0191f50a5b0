using System.Globalization;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;
using StaticSite.Output;

namespace StaticSite.Resolve;

/// <summary>
/// The resolve stage: the one pass that sees the whole site. It works out navigation,
/// breadcrumbs, hubs, the A-Z, related pages and structured data, and hands each page a
/// <see cref="PageView"/> ready for its layout.
/// </summary>
public static class SiteResolver
{
    /// <summary>Each page's view, in the order of <see cref="SiteGraph.Pages"/>.</summary>
    /// <param name="cached">In <c>serve</c>: gives a page's view from the last build when nothing it shows has changed, else makes it (reporting into the bag it is given).</param>
    public static IReadOnlyList<PageView> Resolve(BuildContext context, SiteGraph graph, Func<ProcessedPage, Func<DiagnosticBag, PageView>, PageView>? cached = null)
    {
        // Each view reads the graph and nothing else, so pages are resolved in parallel.
        return graph.Pages.AsParallel().AsOrdered()
            .Select(page => cached is null ? ViewFor(context, page, graph) : cached(page, own => ViewFor(context.WithDiagnostics(own), page, graph)))
            .ToArray();
    }

    /// <summary>What every page's layout shares; made once a build. <see cref="ForPage"/> adds where the page is.</summary>
    public static SiteView SiteView(BuildContext context, SiteGraph graph, IReadOnlyDictionary<string, string> assets)
    {
        var config = context.Config;
        return new SiteView
        {
            Name = config.Name,
            Description = config.Description,
            Language = config.Language,
            Url = config.Url,
            BasePath = config.BasePath,
            HomeHref = config.Href("/"),
            Locale = config.Language.Replace('-', '_'),
            FeedHref = graph.HasFeed ? config.Href("/" + AtomFeed.FileName) : "",
            Nav = graph.Navigation.Select(n => new LinkView(n.Title, config.Href(n.SitePath))).ToList(),
            FooterLinks = graph.FooterLinks.Select(n => new LinkView(n.Title, config.Href(n.SitePath))).ToList(),
            Assets = assets,
        };
    }

    /// <summary>The shared site view with the navigation entry of the page's own section marked current.</summary>
    public static SiteView ForPage(SiteView site, SiteGraph graph, string currentSitePath)
    {
        var nav = new List<LinkView>(graph.Navigation.Count);
        for (var i = 0; i < graph.Navigation.Count; i++)
        {
            var path = graph.Navigation[i].SitePath;
            var current = path == "/" ? currentSitePath == "/" : currentSitePath.StartsWith(path, StringComparison.Ordinal);
            nav.Add(current ? site.Nav[i] with { Current = true } : site.Nav[i]);
        }

        return site with { Nav = nav };
    }

    /// <summary>Every navigation and footer link entry in site.yml must name a page that exists.</summary>
    public static void CheckNavigation(BuildContext context, SiteGraph graph, string configDisplayPath)
    {
        foreach (var (item, what) in context.Config.Navigation.Select(i => (i, "navigation entry"))
            .Concat(context.Config.FooterLinks.Select(i => (i, "footer link"))))
        {
            if (item.Page.Length > 0 && !graph.BySource.ContainsKey(item.Page.TrimStart('/')))
            {
                context.Diagnostics.Error(Codes.BrokenLink,
                    graph.LeftOut.TryGetValue(item.Page.TrimStart('/'), out var why)
                        ? $"{what} '{item.Title}' names {why}, which is not published"
                        : $"{what} '{item.Title}' names page '{item.Page}', which does not exist in input/",
                    configDisplayPath, item.Line, item.Column);
            }
        }
    }

    private static PageView ViewFor(BuildContext context, ProcessedPage page, SiteGraph graph)
    {
        var config = context.Config;
        var source = page.Source;
        var meta = source.Meta;
        var trail = Breadcrumbs(context, source, graph.BySitePath);
        var h2s = page.Headings.Where(h => h.Level == 2).ToList();

        return new PageView
        {
            Title = meta.Title ?? "",
            Description = meta.Description ?? "",
            Href = config.Href(source.SitePath),
            Canonical = config.AbsoluteUrl(source.SitePath),
            Layout = source.Layout,
            IsArticle = source.IsArticle,
            IsHome = source.SitePath == "/",
            NoIndex = source.IsNotFoundPage,
            Breadcrumbs = trail,
            Contents = h2s.Count >= 3 ? h2s.Select(h => new LinkView(h.Text, "#" + h.Id)).ToList() : [],
            Reviewed = meta.Reviewed is { } r ? DateViewOf(r) : null,
            NextReview = meta.NextReview is { } n ? DateViewOf(n) : null,
            History = meta.History,
            Sources = meta.Sources.Select(s => new SourceView(s.Title, s.Publisher, s.Url)).ToList(),
            Related = Related(context, page, graph),
            Children = source.Taxonomy is { Term: { } term } place ? PagesWithTerm(context, graph, place.Taxonomy, term) : ChildrenOf(context, source, graph),
            Terms = source.Taxonomy is { Term: null } index ? TermsOf(context, graph, index.Taxonomy) : [],
            TermGroups = TermGroupsOf(context, meta),
            Areas = AreasOf(context, source, graph),
            Letters = source.Layout == "a-z" ? ConditionsAToZ(context, graph.Pages) : [],
            Condition = meta.Condition,
            JsonLd = StructuredData.For(context, page, trail),
        };
    }

    public static DateView DateViewOf(DateOnly date) => new(
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>Ancestors from the home page down, not the page itself (it is the h1 just below).</summary>
    private static IReadOnlyList<LinkView> Breadcrumbs(BuildContext context, SourceDocument page, IReadOnlyDictionary<string, ProcessedPage> bySitePath)
    {
        if (page.SitePath == "/")
        {
            return [];
        }

        var trail = new List<LinkView>();
        var segments = page.SitePath.Trim('/').Split('/');
        for (var depth = 0; depth < segments.Length; depth++)
        {
            var ancestor = depth == 0 ? "/" : "/" + string.Join('/', segments[..depth]) + "/";
            if (bySitePath.TryGetValue(ancestor, out var found))
            {
                trail.Add(new LinkView(ancestor == "/" ? "Home" : found.Source.Title, context.Config.Href(ancestor)));
            }
        }

        return trail;
    }

    private static IReadOnlyList<LinkView> Related(BuildContext context, ProcessedPage page, SiteGraph graph)
    {
        var folder = "/" + (Path.GetDirectoryName(page.Source.SourcePath)?.Replace('\\', '/') ?? "");
        var related = new List<LinkView>();
        foreach (var item in page.Source.Meta.Related)
        {
            var path = SitePaths.Combine(folder, item.Value)?.TrimStart('/');
            if (path is null || !graph.BySource.TryGetValue(path, out var target))
            {
                context.Diagnostics.Error(Codes.BrokenRelated,
                    path is not null && graph.LeftOut.TryGetValue(path, out var why)
                        ? $"related page '{item.Value}' is {why}, which is not published"
                        : $"related page '{item.Value}' does not exist (looked for input/{path})",
                    page.Source.DisplayPath, item.Line, item.Column);
                continue;
            }

            related.Add(new LinkView(target.Source.Title, context.Config.Href(target.Source.SitePath), Description: target.Source.Meta.Description ?? ""));
        }

        return related;
    }

    /// <summary>
    /// A hub's pages, A to Z by title: for a section hub its articles, for the home page the
    /// pages one level down (section hubs and site-wide pages such as the A-Z).
    /// </summary>
    private static IReadOnlyList<LinkView> ChildrenOf(BuildContext context, SourceDocument hub, SiteGraph graph)
    {
        return graph.ChildrenOf(hub)
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new LinkView(p.Title, context.Config.Href(p.SitePath), Description: p.Meta.Description ?? ""))
            .ToList();
    }

    /// <summary>A term page's list: every page with the term, A to Z by title.</summary>
    private static IReadOnlyList<LinkView> PagesWithTerm(BuildContext context, SiteGraph graph, Taxonomy taxonomy, TaxonomyTerm term) => graph
        .PagesWithTerm(taxonomy.Name, term.Name)
        .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
        .ThenBy(p => p.SitePath, StringComparer.Ordinal)
        .Select(p => new LinkView(p.Title, context.Config.Href(p.SitePath), Description: p.Meta.Description ?? ""))
        .ToList();

    /// <summary>A taxonomy's index: each term that has pages (the others have no page to link to), in site.yml's order.</summary>
    private static IReadOnlyList<TermView> TermsOf(BuildContext context, SiteGraph graph, Taxonomy taxonomy) => taxonomy.Terms
        .Select(t => (Term: t, Count: graph.PagesWithTerm(taxonomy.Name, t.Name).Count))
        .Where(t => t.Count > 0)
        .Select(t => new TermView(t.Term.Title, context.Config.Href(taxonomy.SitePathOf(t.Term)), taxonomy.DescriptionOf(t.Term), t.Count))
        .ToList();

    /// <summary>A page's own terms, each linking to its term page; every term of a published page has one.</summary>
    private static IReadOnlyList<TermGroupView> TermGroupsOf(BuildContext context, FrontMatter meta) => meta.Terms.Count == 0
        ? []
        : context.Config.Taxonomies
            .Where(t => meta.Terms.TryGetValue(t.Name, out var terms) && terms.Count > 0)
            .Select(t => new TermGroupView(t.Name, t.Title, meta.Terms[t.Name]
                .Select(name => t.Find(name)!)
                .Select(term => new LinkView(term.Title, context.Config.Href(t.SitePathOf(term))))
                .ToList()))
            .ToList();

    /// <summary>A hub's articles grouped by where it hurts, in the order of site.yml's areas.</summary>
    private static IReadOnlyList<AreaGroupView> AreasOf(BuildContext context, SourceDocument hub, SiteGraph graph)
    {
        if (!hub.IsSectionIndex || hub.SitePath == "/")
        {
            return [];
        }

        var children = graph.ChildrenOf(hub);
        var order = context.Config.Areas.ToList();
        return children
            .GroupBy(p => p.Meta.Area ?? "")
            .OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AreaGroupView(
                g.Key,
                g.Key.Length == 0 ? "Other" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Key),
                g.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
                    .Select(p => new LinkView(p.Title, context.Config.Href(p.SitePath), Description: p.Meta.Description ?? ""))
                    .ToList()))
            .ToList();
    }

    /// <summary>Every condition and each of its other names, A to Z, each pointing to its page.</summary>
    private static IReadOnlyList<LetterView> ConditionsAToZ(BuildContext context, IReadOnlyList<ProcessedPage> pages)
    {
        var entries = pages
            .Select(p => p.Source)
            .Where(p => p.IsArticle && p.Meta.Condition is not null)
            .SelectMany(p => new[] { (Name: p.Meta.Condition!, Other: false, Page: p) }
                .Concat(p.Meta.OtherNames.Select(n => (Name: n, Other: true, Page: p))))
            .Select(e => new ConditionEntryView(e.Name, e.Page.Title, context.Config.Href(e.Page.SitePath), e.Other,
                char.ToUpperInvariant(e.Name.TrimStart('\'', '"')[0]).ToString()))
            .DistinctBy(e => (e.Name.ToUpperInvariant(), e.Href))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return entries
            .GroupBy(e => char.IsAsciiLetter(e.Letter[0]) ? e.Letter : "#")
            .Select(g => new LetterView(g.Key, "letter-" + (g.Key == "#" ? "other" : g.Key.ToLowerInvariant()), g.ToList()))
            .ToList();
    }
}
