using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Taxonomies;

/// <summary>
/// A taxonomy of site.yml on a small fixture site, read from the built pages: the index and term
/// pages, what they list and in what order, the terms shown on a page, and what is left out.
/// </summary>
public sealed class TaxonomyTests
{
    private const string SiteYml = """
        name: Fixture Site
        url: https://fixture.example
        language: en-GB
        areas: [knee, calf]
        navigation:
          - title: Home
            page: index.md
        taxonomies:
          - name: activity
            title: Activities
            description: Pages by the activity that can bring the problem on.
            term_description: Problems that {term} can bring on.
            terms: [running, hill running, speed work, swimming]
        """;

    private static string Article(string title, string frontMatter) => $"""
        ---
        title: {title}
        description: About {title}.
        area: calf
        reviewed: 2026-05-01
        next_review: 2027-05-01
        {frontMatter}
        sources:
          - title: "Sprains and strains"
            publisher: "NHS"
            url: "https://www.nhs.uk/conditions/sprains-and-strains/"
        ---

        ## Section

        Text.
        """;

    /// <summary>
    /// The base site (its article has no terms) with Zebra and Apple on hill running, Zebra on
    /// running too (written with a capital), and a page on speed work that is not published yet.
    /// </summary>
    private static FixtureSite TaggedSite()
    {
        var site = new FixtureSite();
        site.Write("input/site.yml", SiteYml);
        site.Write("input/guide/zebra.md", Article("Zebra", "activity: [hill running, Running]"));
        site.Write("input/guide/apple.md", Article("Apple", "activity: [hill running]"));
        site.Write("input/guide/later.md", Article("Later", "activity: [speed work]\npublish_date: 2027-01-01"));
        return site;
    }

    private static BuildResult Built(FixtureSite site, BuildOptions? options = null)
    {
        var result = Site.Build(options ?? site.Options());
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private static IDocument Page(FixtureSite site, string outputPath)
    {
        var file = Path.Combine(site.Output, outputPath);
        Assert.True(File.Exists(file), $"no page {outputPath}");
        return new HtmlParser().ParseDocument(File.ReadAllText(file));
    }

    private static IReadOnlyList<(string Text, string Href)> Links(IElement? scope, string selector) =>
        scope?.QuerySelectorAll(selector).Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "")).ToList() ?? [];

    [Fact]
    public void The_index_lists_the_terms_that_have_pages_in_site_yml_order_with_how_many()
    {
        using var site = TaggedSite();
        Built(site);
        using var index = Page(site, "activity/index.html");

        Assert.Equal("Activities", index.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Pages by the activity that can bring the problem on.", index.QuerySelector("main h1 + p")!.TextContent);
        var items = index.QuerySelectorAll("main .page-list__item").ToList();
        Assert.Equal(
            [("Running", "/activity/running/"), ("Hill running", "/activity/hill-running/")],
            Links(index.QuerySelector("main .page-list"), ".page-list__item > a"));
        Assert.Equal(["(1 page)", "(2 pages)"], items.Select(i => i.QuerySelector(".page-list__count")!.TextContent));
        Assert.Equal("Problems that hill running can bring on.", items[1].QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void A_term_page_lists_its_pages_by_title_with_descriptions_under_a_breadcrumb_to_the_index()
    {
        using var site = TaggedSite();
        Built(site);
        using var term = Page(site, "activity/hill-running/index.html");

        Assert.Equal("Hill running", term.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Problems that hill running can bring on.", term.QuerySelector("main h1 + p")!.TextContent);
        Assert.Equal(
            [("Apple", "/guide/apple/"), ("Zebra", "/guide/zebra/")],
            Links(term.QuerySelector("main .page-list"), ".page-list__item > a"));
        Assert.Equal(["About Apple.", "About Zebra."], term.QuerySelectorAll("main .page-list__item p").Select(p => p.TextContent));
        Assert.Equal([("Home", "/"), ("Activities", "/activity/")], Links(term.QuerySelector("nav[aria-label=Breadcrumb]"), "a"));
        Assert.Equal("Hill running – Fixture Site", term.Title);
    }

    [Fact]
    public void A_page_shows_its_terms_as_links_to_their_pages_and_a_page_without_terms_shows_none()
    {
        using var site = TaggedSite();
        Built(site);
        using var zebra = Page(site, "guide/zebra/index.html");
        using var plain = Page(site, "guide/article/index.html");

        var terms = zebra.QuerySelector("article dl.page-terms");
        Assert.NotNull(terms);
        Assert.Equal(["Activities:"], terms!.QuerySelectorAll("dt").Select(d => d.TextContent));
        // "Running" was written with a capital: the page shows the term site.yml declares.
        Assert.Equal([("Hill running", "/activity/hill-running/"), ("Running", "/activity/running/")], Links(terms, "dd > a"));
        Assert.Null(plain.QuerySelector(".page-terms"));
    }

    [Fact]
    public void A_term_on_no_published_page_has_no_page_and_is_a_warning_at_its_line_in_site_yml()
    {
        using var site = TaggedSite();
        var result = Built(site);

        Assert.False(Directory.Exists(Path.Combine(site.Output, "activity", "speed-work")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "activity", "swimming")));
        var warnings = result.Diagnostics.Where(d => d.Code == Codes.TermUnused).Select(d => d.ToString()).ToList();
        Assert.Equal(
        [
            "input/site.yml:13:36: warning TAX001: activity 'speed work' is on no published page, so it has no page of its own; give it to a page or remove it",
            "input/site.yml:13:48: warning TAX001: activity 'swimming' is on no published page, so it has no page of its own; give it to a page or remove it",
        ], warnings);
    }

    [Fact]
    public void A_page_left_out_is_on_no_term_page_until_it_is_published()
    {
        using var site = TaggedSite();
        Built(site, site.Options() with { IncludeFuture = true });
        using var term = Page(site, "activity/speed-work/index.html");

        Assert.Equal([("Later", "/guide/later/")], Links(term.QuerySelector("main .page-list"), ".page-list__item > a"));
    }

    [Fact]
    public void The_index_and_term_pages_are_in_the_sitemap_and_the_home_page_lists_the_index()
    {
        using var site = TaggedSite();
        var result = Built(site);
        using var home = Page(site, "index.html");

        var sitemap = Encoding.UTF8.GetString(result.Files["sitemap.xml"]);
        Assert.Contains("<loc>https://fixture.example/activity/</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://fixture.example/activity/hill-running/</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("speed-work", sitemap, StringComparison.Ordinal);
        Assert.Contains(("Activities", "/activity/"), Links(home.QuerySelector("main"), ".page-list__item > a"));
    }

    [Fact]
    public void Term_links_carry_the_base_path()
    {
        using var site = TaggedSite();
        Built(site, site.Options("/repo/"));
        using var zebra = Page(site, "guide/zebra/index.html");
        using var index = Page(site, "activity/index.html");

        Assert.Equal("/repo/activity/hill-running/", zebra.QuerySelector(".page-terms a")!.GetAttribute("href"));
        Assert.Equal("/repo/activity/running/", index.QuerySelector("main .page-list__item > a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_author_may_introduce_the_index_with_input_NAME_index_md()
    {
        using var site = TaggedSite();
        site.Write("input/activity/index.md", "---\ntitle: Find a problem by activity\ndescription: Problems listed by activity.\n---\n\nPick the activity you were doing when the pain began.\n");
        Built(site);
        using var index = Page(site, "activity/index.html");

        Assert.Equal("Find a problem by activity", index.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Pick the activity you were doing when the pain began.", index.QuerySelector("main h1 + p")!.TextContent);
        Assert.Equal(2, index.QuerySelectorAll("main .page-list__item").Length);
        using var term = Page(site, "activity/running/index.html");
        Assert.Contains(("Find a problem by activity", "/activity/"), Links(term.QuerySelector("nav[aria-label=Breadcrumb]"), "a"));
    }

    [Fact]
    public void Without_the_taxonomy_layouts_in_the_theme_the_build_says_which_is_missing()
    {
        using var site = TaggedSite();
        File.Delete(Path.Combine(site.Root, "theme", "layouts", "term.liquid"));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("input/site.yml:9:5: error TPL001: site.yml declares taxonomies, so the theme needs the layout 'term' (theme/layouts/term.liquid)",
            result.Errors.Select(e => e.ToString()));
    }
}
