using StaticSite.Content;

namespace StaticSite.Search;

/// <summary>
/// The page at <c>/search/</c> that runs queries: <c>input/search.md</c> if the author wrote one
/// (for its title and introduction), else a generated one, as long as the theme has a
/// <c>search</c> layout. Without that layout a site simply has no search.
/// </summary>
public static class SearchPage
{
    public const string SitePath = "/search/";
    public const string Layout = "search";
    public const string Source = "search.md";

    /// <summary>The pages to build, with the search page added when the theme can show one and no page has its address.</summary>
    public static IReadOnlyList<SourceDocument> WithPage(BuildContext context, IReadOnlyList<SourceDocument> pages, IReadOnlySet<string> layouts)
    {
        if (!layouts.Contains(Layout) || pages.Any(p => p.SitePath == SitePath))
        {
            return pages;
        }

        var page = new SourceDocument
        {
            SourcePath = Source,
            DisplayPath = context.Display(Path.Combine(context.InputDir, Source)),
            Meta = new FrontMatter
            {
                Title = "Search",
                Description = $"Search every page of {context.Config.Name}.",
                Layout = Layout,
            },
            Body = "",
            SitePath = SitePath,
            OutputPath = "search/index.html",
            Layout = Layout,
            Section = "",
        };
        return [.. pages.Append(page).OrderBy(p => p.SitePath, StringComparer.Ordinal)];
    }

    /// <summary>True for the page that runs searches: the page at /search/ with the search layout.</summary>
    public static bool Is(SourceDocument page) => page.SitePath == SitePath && page.Layout == Layout;
}
