using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>A folder's _defaults.yml, read from built pages: what pages inherit, which file wins, and how a page opts out.</summary>
public sealed class DirectoryDefaultsTests
{
    private static string Article(string title, string frontMatter = "") => $"""
        ---
        title: {title}
        description: About {title}.
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

    private static IDocument Page(FixtureSite site, string outputPath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, outputPath)));

    /// <summary>The heading of the hub's area group that lists a page, or null when the hub does not list it.</summary>
    private static string? AreaOn(IDocument hub, string href) =>
        hub.QuerySelectorAll("main .hub__group").FirstOrDefault(g => g.QuerySelector($"a[href='{href}']") is not null)?.QuerySelector("h2")?.TextContent;

    private static string? History(IDocument page) => page.QuerySelector(".page-review__history")?.TextContent;

    [Fact]
    public void Pages_take_what_they_do_not_set_from_the_nearest_defaults_and_their_own_value_wins()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/_defaults.yml", "area: knee\nhistory: Written for the guide.\n");
        site.Write("input/guide/deep/_defaults.yml", "area: calf\n");
        site.Write("input/guide/inherits.md", Article("Inherits"));
        site.Write("input/guide/deep/nearer.md", Article("Nearer"));
        site.Write("input/guide/own.md", Article("Own", "area: calf\nhistory:"));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        using var hub = Page(site, "guide/index.html");
        Assert.Equal("Knee", AreaOn(hub, "/guide/inherits/"));
        Assert.Equal("Written for the guide.", History(Page(site, "guide/inherits/index.html")));
        // The nearer file's area wins; what it does not set still comes from the folder above.
        Assert.Equal("Calf", AreaOn(hub, "/guide/deep/nearer/"));
        Assert.Equal("Written for the guide.", History(Page(site, "guide/deep/nearer/index.html")));
        // The page's own area wins, and its empty history opts out of the default.
        Assert.Equal("Calf", AreaOn(hub, "/guide/own/"));
        Assert.Null(History(Page(site, "guide/own/index.html")));
    }

    [Fact]
    public void A_default_layout_or_draft_applies_to_every_page_of_the_folder_and_below()
    {
        using var site = new FixtureSite();
        site.Write("input/notes/_defaults.yml", "layout: page\n");
        site.Write("input/notes/index.md", "---\ntitle: Notes\ndescription: Notes, with the page layout.\n---\n\nNotes.\n");
        site.Write("input/notes/plain.md", "---\ntitle: A note\ndescription: A page with no sources, fine for the page layout.\n---\n\nA note.\n");
        site.Write("input/unfinished/_defaults.yml", "draft: true\n");
        site.Write("input/unfinished/index.md", "---\ntitle: Unfinished\ndescription: A section not ready yet.\n---\n\nSoon.\n");
        site.Write("input/unfinished/sub/first.md", Article("First"));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        // An article would need review dates and sources; the page layout does not, and lists nothing.
        Assert.Null(Page(site, "notes/plain/index.html").QuerySelector("article.article"));
        Assert.Null(Page(site, "notes/index.html").QuerySelector(".page-list"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "unfinished")));
        Assert.True(Site.Build(site.Options() with { IncludeDrafts = true }).Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "unfinished", "sub", "first", "index.html")));
    }

    [Fact]
    public void A_message_about_an_inherited_value_points_at_the_defaults_file_once()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/_defaults.yml", "# Every page in the guide\nlayout: artcle\n");
        site.Write("input/guide/second.md", Article("Second"));

        var errors = site.Build().Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(["input/guide/_defaults.yml:2:9: error FM005: unknown layout 'artcle'; did you mean 'article'? (layouts in theme/layouts: a-z, article, base, home, hub, page, search, taxonomy, term)"], errors);
    }

    /// <summary>
    /// Every key a defaults file may set reaches the page: each property of a page with no front
    /// matter of its own, given defaults that set every key, is the defaults' value. A key added
    /// to the front matter but forgotten in the merge fails here.
    /// </summary>
    [Fact]
    public void Every_front_matter_key_but_the_page_only_ones_is_inherited()
    {
        var taxonomy = new Taxonomy
        {
            Name = "activity", Title = "Activities", Description = "By activity.", TermDescription = "About {term}.",
            Terms = [new TaxonomyTerm("running", "running", 1, 1)],
        };
        const string yaml = """
            layout: page
            condition: Calf strain
            other_names: [Pulled calf]
            anatomy: Calf muscle
            area: calf
            reviewed: 2026-01-01
            next_review: 2027-01-01
            history: Shared history.
            treatments: [Rest]
            draft: true
            publish_date: 2026-02-01
            expiry_date: 2028-01-01
            sources:
              - title: "Sprains and strains"
                publisher: "NHS"
                url: "https://www.nhs.uk/conditions/sprains-and-strains/"
            activity: [running]
            """;
        var diagnostics = new DiagnosticBag();
        var defaults = FrontMatter.ParseDefaults(yaml, "input/_defaults.yml", diagnostics, [taxonomy])!;
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
        Assert.Equal(
            FrontMatter.Keys.Except(FrontMatter.PageOnlyKeys).Append("activity").Order(StringComparer.Ordinal),
            defaults.Positions.Keys.Order(StringComparer.Ordinal));

        var merged = new FrontMatter().WithDefaults(defaults);

        foreach (var property in typeof(FrontMatter).GetProperties().Where(p => p.Name is not (nameof(FrontMatter.Positions) or nameof(FrontMatter.Origins) or nameof(FrontMatter.Terms))))
        {
            Assert.Equal(property.GetValue(defaults), property.GetValue(merged));
        }

        Assert.Equal(["running"], merged.Terms["activity"]);
        Assert.All(defaults.Positions.Keys, key => Assert.Equal(("input/_defaults.yml", defaults.PositionOf(key).Line, defaults.PositionOf(key).Column), merged.Where(key, "input/page.md")));
    }
}
