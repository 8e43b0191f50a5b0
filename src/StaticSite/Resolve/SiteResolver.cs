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
    public static IReadOnlyDictionary<ProcessedPage, PageView> Resolve(BuildContext context, IReadOnlyList<ProcessedPage> pages)
    {
        var bySource = pages.ToDictionary(p => p.Source.SourcePath, StringComparer.Ordinal);
        var bySitePath = pages.GroupBy(p => p.Source.SitePath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var views = new Dictionary<ProcessedPage, PageView>();
        foreach (var page in pages)
        {
            views[page] = ViewFor(context, page, pages, bySource, bySitePath);
        }

        return views;
    }

    public static SiteView SiteViewFor(BuildContext context, IReadOnlyList<ProcessedPage> pages, string currentSitePath, IReadOnlyDictionary<string, string> assets)
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
            FeedHref = pages.Any(p => AtomFeed.Lists(p.Source)) ? config.Href("/" + AtomFeed.FileName) : "",
            Nav = NavigationFor(context, pages, currentSitePath),
            Assets = assets,
        };
    }

    private static IReadOnlyList<LinkView> NavigationFor(BuildContext context, IReadOnlyList<ProcessedPage> pages, string currentSitePath)
    {
        var links = new List<LinkView>();
        foreach (var item in context.Config.Navigation)
        {
            var target = pages.FirstOrDefault(p => p.Source.SourcePath == item.Page.TrimStart('/'));
            if (target is null)
            {
                continue; // reported once by CheckNavigation
            }

            var path = target.Source.SitePath;
            var current = path == "/" ? currentSitePath == "/" : currentSitePath.StartsWith(path, StringComparison.Ordinal);
            links.Add(new LinkView(item.Title, context.Config.Href(path), current));
        }

        return links;
    }

    /// <summary>Every navigation entry in site.yml must name a page that exists.</summary>
    public static void CheckNavigation(BuildContext context, IReadOnlyList<ProcessedPage> pages, string configDisplayPath)
    {
        foreach (var item in context.Config.Navigation)
        {
            if (item.Page.Length > 0 && !pages.Any(p => p.Source.SourcePath == item.Page.TrimStart('/')))
            {
                context.Diagnostics.Error(Codes.BrokenLink, $"navigation entry '{item.Title}' names page '{item.Page}', which does not exist in input/", configDisplayPath, item.Line, item.Column);
            }
        }
    }

    private static PageView ViewFor(BuildContext context, ProcessedPage page, IReadOnlyList<ProcessedPage> pages,
        IReadOnlyDictionary<string, ProcessedPage> bySource, IReadOnlyDictionary<string, ProcessedPage> bySitePath)
    {
        var config = context.Config;
        var source = page.Source;
        var meta = source.Meta;
        var trail = Breadcrumbs(context, source, bySitePath);
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
            Related = Related(context, page, bySource),
            Children = ChildrenOf(context, source, pages),
            Areas = AreasOf(context, source, pages),
            Letters = source.Layout == "a-z" ? ConditionsAToZ(context, pages) : [],
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

    private static IReadOnlyList<LinkView> Related(BuildContext context, ProcessedPage page, IReadOnlyDictionary<string, ProcessedPage> bySource)
    {
        var folder = "/" + (Path.GetDirectoryName(page.Source.SourcePath)?.Replace('\\', '/') ?? "");
        var related = new List<LinkView>();
        foreach (var item in page.Source.Meta.Related)
        {
            var path = SitePaths.Combine(folder, item.Value)?.TrimStart('/');
            if (path is null || !bySource.TryGetValue(path, out var target))
            {
                context.Diagnostics.Error(Codes.BrokenRelated, $"related page '{item.Value}' does not exist (looked for input/{path})", page.Source.DisplayPath, item.Line, item.Column);
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
    private static IReadOnlyList<LinkView> ChildrenOf(BuildContext context, SourceDocument hub, IReadOnlyList<ProcessedPage> pages)
    {
        if (!hub.IsSectionIndex)
        {
            return [];
        }

        var prefix = hub.SitePath;
        return pages
            .Select(p => p.Source)
            .Where(p => p != hub && p.SitePath.StartsWith(prefix, StringComparison.Ordinal) && p.SitePath.EndsWith('/'))
            .Where(p => prefix == "/" ? p.SitePath.Count(c => c == '/') == 2 : p.IsArticle)
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new LinkView(p.Title, context.Config.Href(p.SitePath), Description: p.Meta.Description ?? ""))
            .ToList();
    }

    /// <summary>A hub's articles grouped by where it hurts, in the order of site.yml's areas.</summary>
    private static IReadOnlyList<AreaGroupView> AreasOf(BuildContext context, SourceDocument hub, IReadOnlyList<ProcessedPage> pages)
    {
        if (!hub.IsSectionIndex || hub.SitePath == "/")
        {
            return [];
        }

        var children = pages.Select(p => p.Source)
            .Where(p => p.IsArticle && p.SitePath.StartsWith(hub.SitePath, StringComparison.Ordinal) && p.SitePath != hub.SitePath)
            .ToList();
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
