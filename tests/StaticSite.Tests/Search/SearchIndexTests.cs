using System.Text;
using StaticSite.Diagnostics;
using StaticSite.Search;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Search;

/// <summary>The search index and forms of the real site, and of fixture sites, read from the built files.</summary>
public sealed class SearchIndexTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private BuiltSite Site => fixture.Site;

    private IndexReader Index => IndexReader.Of(Site.Result);

    [Fact]
    public void Every_page_but_the_search_page_has_a_labelled_get_form_to_the_search_page_in_its_header()
    {
        var pages = Site.ContentPages.Where(p => p.Key != "search/index.html").ToList();
        Assert.True(pages.Count > 20);
        foreach (var (path, page) in pages)
        {
            var form = page.QuerySelector("header form[role=search]");
            Assert.True(form is not null, $"{path} has no search form in its header");
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.Equal("/search/", form.GetAttribute("action"));
            var input = form.QuerySelector("input[type=search][name=q]")!;
            Assert.Equal("Search Leg and Knee", page.QuerySelector($"label[for='{input.Id}']")!.TextContent);
            Assert.Equal("submit", form.QuerySelector("button")!.GetAttribute("type"));
        }

        Assert.True(Site.Result.Files.ContainsKey("search/index.html"));
    }

    [Fact]
    public void The_search_page_has_a_labelled_field_a_button_a_polite_status_and_links_for_readers_without_javascript()
    {
        var page = Site.Page("search/index.html");
        var main = page.QuerySelector("main")!;
        var form = main.QuerySelector("form[role=search]")!;

        Assert.Null(page.QuerySelector("header form"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search/", form.GetAttribute("action"));
        var input = form.QuerySelector("input[type=search][name=q]")!;
        Assert.Equal("Search Leg and Knee", main.QuerySelector($"label[for='{input.Id}']")!.TextContent);
        Assert.Equal("search__hint", input.GetAttribute("aria-describedby"));
        Assert.Equal("Search", form.QuerySelector("button[type=submit]")!.TextContent);
        var status = main.QuerySelector("[role=status]")!;
        Assert.Equal("polite", status.GetAttribute("aria-live"));

        var help = main.QuerySelector("#search__help")!;
        Assert.Contains("needs JavaScript", help.TextContent, StringComparison.Ordinal);
        var links = help.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/conditions-a-z/", links);
        Assert.Contains("/leg-and-knee/", links);

        // The search script runs here and nowhere else.
        Assert.Single(page.QuerySelectorAll("script[src*='/search.']"));
        Assert.All(Site.Pages.Where(p => p.Key != "search/index.html"), p => Assert.Empty(p.Value.QuerySelectorAll("script[src*='/search.']")));
    }

    [Fact]
    public void The_page_lists_exactly_the_index_files_that_exist()
    {
        var results = Site.Page("search/index.html").QuerySelector("#search__results")!;
        var keys = results.GetAttribute("data-keys")!.Split(' ');
        var termFiles = Site.Result.Files.Keys.Where(k => k.StartsWith(SearchIndex.Folder + "t/", StringComparison.Ordinal)).ToList();

        Assert.Equal("/search/index/", results.GetAttribute("data-index"));
        Assert.Equal(SearchIndex.DocsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture), results.GetAttribute("data-docs-per-file"));
        Assert.Equal(keys.Select(k => SearchIndex.Folder + "t/" + k + ".json").Order(StringComparer.Ordinal), termFiles.Order(StringComparer.Ordinal));
        // A site of this size is filed by first character: a file per letter or digit that starts a term.
        Assert.All(keys, k => Assert.Equal(1, k.Length));
        Assert.True(keys.Length > 20, $"only {keys.Length} terms files");
    }

    [Fact]
    public void Pages_to_read_are_indexed_and_the_404_page_search_page_and_redirect_pages_are_not()
    {
        var docs = Index.AllDocs();
        var titles = docs.Select(d => d.Title).ToList();

        Assert.Contains("Calf strain", titles);
        Assert.Contains("Conditions A to Z", titles);
        Assert.Contains("Glossary", titles);
        Assert.DoesNotContain("Search", titles);
        Assert.DoesNotContain(titles, t => t.Contains("not found", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Site.ContentPages.Count() - 2, docs.Count);
        Assert.Equal(docs.Count, docs.Select(d => d.Href).Distinct().Count());
        // Numbered shortest title first, then A to Z: the order results that tie are shown in.
        Assert.Equal(titles.OrderBy(t => SearchTerms.Of(t).Count).ThenBy(t => t, StringComparer.OrdinalIgnoreCase), titles);
        var calf = docs.Single(d => d.Title == "Calf strain");
        Assert.Equal("/leg-and-knee/calf-strain/", calf.Href);
        Assert.StartsWith("A calf strain", calf.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strains", "Calf strain")]
    [InlineData("STRAIN", "Calf strain")]
    [InlineData("pulled calf", "Calf strain")]
    [InlineData("shin splints", "Shin splints")]
    [InlineData("Achillés", "Achilles tendinopathy")]
    [InlineData("runner’s knee", "Runner's knee (patellofemoral pain)")]
    [InlineData("knee", "Knee ligament and cartilage injuries")]
    public void A_query_finds_the_page_readers_mean_first(string query, string title)
    {
        var titles = Index.Titles(query);
        Assert.True(titles.Count > 0, $"'{query}' found nothing");
        Assert.Equal(title, titles[0]);
    }

    [Fact]
    public void Other_names_rank_like_a_name_and_every_word_of_a_query_must_match()
    {
        var index = Index;
        var pulled = index.Postings("pulled");
        var calfStrain = index.AllDocs().ToList().FindIndex(d => d.Title == "Calf strain");

        Assert.True((pulled[calfStrain] & (int)SearchIndex.Fields.Name) != 0, "other_names 'Pulled calf muscle' is a name of the calf strain page");
        Assert.True((index.Postings("strain")[calfStrain] & (int)SearchIndex.Fields.Title) != 0);
        Assert.Empty(index.Query("calf zebra"));
        var both = index.Query("calf strain").ToHashSet();
        Assert.True(both.SetEquals(index.Query("calf").Intersect(index.Query("strain"))));
        Assert.True(both.Count < index.Query("calf").Count);
    }

    [Fact]
    public void Drafts_are_not_indexed_even_when_they_are_built()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/draft.md", "---\ntitle: Zebra draft\ndescription: Not yet.\nlayout: page\ndraft: true\n---\n\nZebra stripes.\n");
        var result = Built(site, includeDrafts: true);

        Assert.True(result.Files.ContainsKey("guide/draft/index.html"));
        Assert.Empty(IndexReader.Of(result).Query("zebra"));
        Assert.Contains("An article", IndexReader.Of(result).AllDocs().Select(d => d.Title));
    }

    [Fact]
    public void A_page_that_uses_a_glossary_term_is_found_by_what_it_stands_for_as_a_name()
    {
        using var site = new FixtureSite("glossary", "warnings");
        var index = IndexReader.Of(Built(site));
        var page = index.AllDocs().ToList().FindIndex(d => d.Href == "/guide/terms/");

        Assert.True((index.Postings("thrombosis")[page] & (int)SearchIndex.Fields.Name) != 0);
        Assert.Contains(page, index.Query("deep vein thrombosis"));
    }

    [Fact]
    public void Every_address_in_the_index_and_the_forms_has_the_base_path()
    {
        using var site = new FixtureSite();
        var result = Built(site, basePath: "/repo/");
        var docs = IndexReader.Of(result).AllDocs();
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(result.Files["index.html"]));
        var search = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(result.Files["search/index.html"]));

        Assert.NotEmpty(docs);
        Assert.All(docs, d => Assert.StartsWith("/repo/", d.Href, StringComparison.Ordinal));
        Assert.Equal("/repo/search/", home.QuerySelector("header form")!.GetAttribute("action"));
        Assert.Equal("/repo/search/", search.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal("/repo/search/index/", search.QuerySelector("#search__results")!.GetAttribute("data-index"));
    }

    [Fact]
    public void A_theme_without_a_search_layout_makes_no_search_page_form_or_index()
    {
        using var site = new FixtureSite();
        File.Delete(Path.Combine(site.Root, "theme", "layouts", "search.liquid"));
        var result = Built(site);
        var home = Encoding.UTF8.GetString(result.Files["index.html"]);

        Assert.DoesNotContain(result.Files.Keys, k => k.StartsWith("search/", StringComparison.Ordinal));
        Assert.DoesNotContain("role=\"search\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_of_more_pages_than_one_character_keys_serve_files_terms_by_their_first_two_characters()
    {
        using var site = new FixtureSite();
        site.Write("input/many/index.md", "---\ntitle: Many\ndescription: A hub of many pages.\n---\n\nMany pages.\n");
        for (var n = 0; n < SearchIndex.OneCharacterKeysUpTo; n++)
        {
            site.Write($"input/many/page-{n:D4}.md", $"---\ntitle: Page {n}\nlayout: page\ndescription: One of many.\n---\n\nThe yak grazes {(n % 2 == 0 ? "by day" : "at dusk")}.\n");
        }

        var result = Built(site);

        var keys = Encoding.UTF8.GetString(result.Files["search/index.html"]).Split("data-keys=\"")[1].Split('"')[0].Split(' ');
        Assert.All(keys, k => Assert.Equal(2, k.Length));
        Assert.Contains("ya", keys);
        Assert.Contains("du", keys);
        var index = IndexReader.Of(result);
        Assert.Equal(SearchIndex.OneCharacterKeysUpTo, index.Postings("yak").Count);
        Assert.Equal(SearchIndex.OneCharacterKeysUpTo / 2, index.Postings("dusk").Count);
        Assert.Equal(["t/ya.json", "t/du.json"], index.Read);
    }

    [Fact]
    public void An_input_file_where_the_index_goes_is_an_error_not_a_silent_replacement()
    {
        using var site = new FixtureSite();
        site.Write("input/search/index/d/0.json", "[]");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, d => d.Code == Codes.DuplicateUrl && d.Path == "input/search/index/d/0.json");
    }

    private static BuildResult Built(FixtureSite site, string? basePath = null, bool includeDrafts = false)
    {
        var result = StaticSite.Site.Build(site.Options(basePath) with { IncludeDrafts = includeDrafts });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }
}
