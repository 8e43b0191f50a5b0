using System.Text;
using System.Xml.Linq;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Publishing;

/// <summary>Sitemap, feed, robots.txt and redirects of small fixture sites, where every date and alias is known.</summary>
public sealed class GeneratedFilesTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static string Article(string title, string reviewed, string extra = "") => $"""
        ---
        title: {title}
        description: About {title}.
        area: calf
        reviewed: {reviewed}
        next_review: 2027-12-31
        {extra}
        sources:
          - title: "Sprains and strains"
            publisher: "NHS"
            url: "https://www.nhs.uk/conditions/sprains-and-strains/"
        ---

        ## Section

        Text.
        """;

    /// <summary>The base fixture's article (reviewed 2026-01-10) and two more reviewed on one later day.</summary>
    private static FixtureSite SiteWithThreeArticles(string appleFrontMatter = "")
    {
        var site = new FixtureSite();
        site.Write("input/guide/zebra.md", Article("Zebra", "2026-05-01"));
        site.Write("input/guide/apple.md", Article("Apple", "2026-05-01", appleFrontMatter));
        return site;
    }

    private static BuildResult Built(FixtureSite site, string? basePath = null)
    {
        var result = site.Build(basePath);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private static string Text(BuildResult result, string file) => Encoding.UTF8.GetString(result.Files[file]);

    private static XElement Xml(BuildResult result, string file) => XDocument.Parse(Text(result, file)).Root!;

    [Fact]
    public void The_feed_lists_articles_newest_review_first_then_by_title_and_is_updated_by_the_latest_review()
    {
        using var site = SiteWithThreeArticles();
        var feed = Xml(Built(site), "feed.xml");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Apple", "Zebra", "An article"], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal(["2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-01-10T00:00:00Z"], entries.Select(e => e.Element(Atom + "updated")!.Value));
        Assert.Equal("2026-05-01T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("https://fixture.example/guide/apple/", entries[0].Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("https://fixture.example/guide/apple/", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("About Apple.", entries[0].Element(Atom + "summary")!.Value);
        Assert.Equal("Fixture Site", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("https://fixture.example/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public void The_sitemap_lists_pages_sorted_with_their_review_dates_and_leaves_out_404_and_redirect_pages()
    {
        using var site = SiteWithThreeArticles("aliases: [/old-apple/]");
        site.Write("input/404.md", "---\ntitle: Page not found\ndescription: Not here.\nlayout: page\n---\n\nGo [home](index.md).\n");
        var result = Built(site);

        var urls = Xml(result, "sitemap.xml").Elements(Sitemaps + "url")
            .Select(u => (Loc: u.Element(Sitemaps + "loc")!.Value, Lastmod: u.Element(Sitemaps + "lastmod")?.Value))
            .ToList();
        Assert.Equal(
            [
                ("https://fixture.example/", null),
                ("https://fixture.example/guide/", null),
                ("https://fixture.example/guide/apple/", "2026-05-01"),
                ("https://fixture.example/guide/article/", "2026-01-10"),
                ("https://fixture.example/guide/zebra/", "2026-05-01"),
                ("https://fixture.example/search/", null),
            ],
            urls);
        Assert.True(result.Files.ContainsKey("404.html"));
        Assert.True(result.Files.ContainsKey("old-apple/index.html"));
    }

    [Fact]
    public void Aliases_become_forced_netlify_redirects_and_pages_at_the_old_addresses_both_with_the_base_path()
    {
        using var site = SiteWithThreeArticles("aliases: [/old-apple/, /apple.html]");
        var result = Built(site, "/docs/");

        Assert.Equal(
            "# Old addresses (front matter 'aliases') and where each page is now. Made by the build.\n" +
            "/docs/apple.html /docs/guide/apple/ 301!\n" +
            "/docs/old-apple/ /docs/guide/apple/ 301!\n",
            Text(result, "_redirects"));
        foreach (var file in new[] { "apple.html", "old-apple/index.html" })
        {
            var html = Text(result, file);
            Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
            Assert.Contains("<title>Moved: Apple – Fixture Site</title>", html, StringComparison.Ordinal);
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=/docs/guide/apple/\">", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"canonical\" href=\"https://fixture.example/docs/guide/apple/\">", html, StringComparison.Ordinal);
            Assert.Contains("<h1>This page has moved</h1>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/docs/guide/apple/\">Apple</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Redirect_pages_pass_the_page_checks_even_when_two_aliases_share_a_title()
    {
        // The check stage reads redirect pages like any other; they are only exempt from unique titles.
        using var site = SiteWithThreeArticles("aliases: [/old-apple/, /older-apple/]");

        var result = Built(site);

        Assert.Equal(result.Files["old-apple/index.html"], result.Files["older-apple/index.html"]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PAGE002");
    }

    [Fact]
    public void A_site_without_aliases_gets_no_redirect_rules()
    {
        using var site = new FixtureSite();

        Assert.False(Built(site).Files.ContainsKey("_redirects"));
    }

    [Fact]
    public void Robots_txt_allows_everything_and_names_the_sitemap_with_the_base_path()
    {
        using var site = new FixtureSite();

        Assert.Equal("User-agent: *\nDisallow:\n\nSitemap: https://fixture.example/docs/sitemap.xml\n", Text(Built(site, "/docs/"), "robots.txt"));
    }

    [Fact]
    public void Every_page_links_the_feed_with_the_base_path()
    {
        using var site = SiteWithThreeArticles();
        var result = Built(site, "/docs/");

        foreach (var page in result.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/docs/feed.xml\" title=\"Fixture Site\">", Text(result, page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_site_without_articles_has_no_feed_and_no_feed_link()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/article.md", "---\ntitle: An article\ndescription: Now a plain page.\nlayout: page\n---\n\nText.\n");
        var result = Built(site);

        Assert.False(result.Files.ContainsKey("feed.xml"));
        Assert.DoesNotContain("application/atom+xml", Text(result, "index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_files_depend_on_the_content_never_on_the_day_of_the_build()
    {
        using var site = SiteWithThreeArticles("aliases: [/old-apple/]");
        var today = Built(site);
        var later = Site.Build(site.Options() with { Today = new DateOnly(2031, 6, 1) });

        foreach (var file in GeneratedFiles)
        {
            Assert.Equal(today.Files[file], later.Files[file]);
        }
    }

    private static readonly string[] GeneratedFiles = ["feed.xml", "sitemap.xml", "robots.txt", "_redirects", "old-apple/index.html"];
}
