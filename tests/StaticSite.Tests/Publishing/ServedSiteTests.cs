using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Publishing;

/// <summary>The real site built under /leg-knee/ and served over HTTP, as a project site on GitHub Pages is.</summary>
public sealed class ServedSiteFixture : IDisposable
{
    public const string BasePath = "/leg-knee/";
    public const string Origin = "https://leg-and-knee.netlify.app";

    public ServedSiteFixture()
    {
        Site = BuiltSite.Real(BasePath);
        Assert.True(Site.Result.Succeeded, Site.Errors);
        Server = StaticFileServer.Start(Site.Output, BasePath, 0);
        // No automatic redirects: every link must answer 200 itself, not after a detour.
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
    }

    public BuiltSite Site { get; }

    public StaticFileServer Server { get; }

    public HttpClient Client { get; }

    public Uri Root => new(Server.RootUrl);

    /// <summary>The local address for a production URL or a root-relative href.</summary>
    public Uri Local(string url) => new(Root, url.StartsWith(Origin, StringComparison.Ordinal) ? url[Origin.Length..] : url);

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        Site.Dispose();
    }
}

public sealed class ServedSiteTests(ServedSiteFixture served) : IClassFixture<ServedSiteFixture>
{
    private const string BasePath = ServedSiteFixture.BasePath;
    private const string Origin = ServedSiteFixture.Origin;

    private sealed record Fetched(HttpStatusCode Status, string Body, IDocument? Page);

    private async Task<Fetched> Get(Uri url)
    {
        using var response = await served.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        return new Fetched(response.StatusCode, body, isHtml ? new HtmlParser().ParseDocument(body) : null);
    }

    /// <summary>Every address a page sends the browser to, resolved the way a browser resolves it.</summary>
    private static IEnumerable<(string Value, Uri Target)> References(IDocument page, Uri pageUrl)
    {
        foreach (var element in page.QuerySelectorAll("a[href], link[href], img[src], script[src], source[src], img[srcset], source[srcset]"))
        {
            var values = new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>()
                .Concat((element.GetAttribute("srcset") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0]));
            foreach (var value in values)
            {
                yield return (value, new Uri(pageUrl, value));
            }
        }

        if (RefreshTarget(page) is { } refresh)
        {
            yield return (refresh, new Uri(pageUrl, refresh));
        }
    }

    private static string? RefreshTarget(IDocument page)
    {
        var content = page.QuerySelectorAll("meta[http-equiv]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");
        return content is null ? null : content[(content.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..];
    }

    private bool IsLocal(Uri url) => url.Authority == served.Root.Authority;

    private static Uri WithoutFragment(Uri url) => new(url.GetLeftPart(UriPartial.Query));

    [Fact]
    public async Task Every_link_of_every_page_answers_200_and_every_fragment_exists()
    {
        var pages = new Dictionary<Uri, IDocument>();
        var fragments = new List<(Uri From, string Value, Uri Target)>();
        var queue = new Queue<(Uri Url, string From)>();
        foreach (var path in served.Site.Pages.Keys)
        {
            queue.Enqueue((new Uri(served.Root, path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path), "the output folder"));
        }

        var seen = new HashSet<Uri>(queue.Select(q => q.Url));
        var checkedCount = 0;
        while (queue.TryDequeue(out var item))
        {
            var fetched = await Get(item.Url);
            checkedCount++;
            Assert.True(fetched.Status == HttpStatusCode.OK, $"{item.Url} (linked from {item.From}) answered {(int)fetched.Status}");
            if (fetched.Page is null)
            {
                continue;
            }

            pages[item.Url] = fetched.Page;
            foreach (var (value, target) in References(fetched.Page, item.Url))
            {
                if (!IsLocal(target))
                {
                    Assert.True(target.Scheme == Uri.UriSchemeHttps, $"{item.Url}: '{value}' leaves the site without https");
                    continue;
                }

                if (target.Fragment.Length > 1)
                {
                    fragments.Add((item.Url, value, target));
                }

                if (seen.Add(WithoutFragment(target)))
                {
                    queue.Enqueue((WithoutFragment(target), item.Url.ToString()));
                }
            }
        }

        // Everything published is reached, except the files only hosts and crawlers ask for, and
        // the search index, which the search page's script fetches (SearchTests follows it).
        var reached = seen.Select(u => Uri.UnescapeDataString(u.AbsolutePath)[BasePath.Length..]).Select(p => p.Length == 0 || p.EndsWith('/') ? p + "index.html" : p).ToHashSet();
        var unlinked = served.Site.Result.Files.Keys.Except(reached).Where(f => !f.StartsWith(StaticSite.Search.SearchIndex.Folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["_redirects", "robots.txt", "sitemap.xml"], unlinked);
        Assert.Equal(seen.Count, checkedCount);
        Assert.NotEmpty(fragments);
        foreach (var (from, value, target) in fragments)
        {
            Assert.True(pages.TryGetValue(WithoutFragment(target), out var page), $"{from}: '{value}' has a fragment but does not go to a page");
            Assert.True(page!.GetElementById(Uri.UnescapeDataString(target.Fragment[1..])) is not null, $"{from}: '{value}': no element with that id");
        }
    }

    [Fact]
    public async Task A_deep_missing_address_gets_the_404_page_and_its_links_work_from_there()
    {
        var missing = new Uri(served.Root, "leg-and-knee/no/such/page/here/");

        var fetched = await Get(missing);

        Assert.Equal(HttpStatusCode.NotFound, fetched.Status);
        var page = fetched.Page!;
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        var links = References(page, missing).Where(r => IsLocal(r.Target)).ToList();
        Assert.Contains(links, l => l.Target.AbsolutePath == BasePath);
        Assert.Contains(links, l => l.Target.AbsolutePath == BasePath + "leg-and-knee/");
        Assert.Contains(links, l => l.Target.AbsolutePath.EndsWith(".css", StringComparison.Ordinal));
        foreach (var (value, target) in links)
        {
            if (value.StartsWith('#'))
            {
                Assert.NotNull(page.GetElementById(value[1..])); // stays on this page, wherever it is served
                continue;
            }

            Assert.StartsWith(BasePath, target.AbsolutePath, StringComparison.Ordinal);
            Assert.True((await Get(WithoutFragment(target))).Status == HttpStatusCode.OK, $"404 page: '{value}' is broken when served at {missing}");
        }
    }

    [Fact]
    public async Task Old_addresses_lead_to_their_pages_through_netlify_rules_and_redirect_pages()
    {
        var rules = File.ReadAllLines(Path.Combine(served.Site.Output, "_redirects"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToList();

        Assert.Contains(rules, r => r[0] == BasePath + "soleus-pain/" && r[1] == BasePath + "leg-and-knee/soleus-pain-when-running/");
        foreach (var rule in rules)
        {
            Assert.Equal(3, rule.Length);
            Assert.Equal("301!", rule[2]);

            var old = await Get(new Uri(served.Root, rule[0]));
            Assert.Equal(HttpStatusCode.OK, old.Status);
            var page = old.Page!;
            Assert.Equal(rule[1], RefreshTarget(page));
            Assert.Equal("0; url=" + rule[1], page.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
            Assert.Equal(Origin + rule[1], page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
            Assert.Equal(rule[1], page.QuerySelector("main a")!.GetAttribute("href"));
            Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("h1"));

            var target = await Get(new Uri(served.Root, rule[1]));
            Assert.Equal(HttpStatusCode.OK, target.Status);
            Assert.NotNull(target.Page!.QuerySelector("article.article"));
        }
    }

    private IReadOnlySet<string> ArticleUrls() => served.Site.Pages
        .Where(p => p.Value.QuerySelector("article.article") is not null)
        .Select(p => Origin + BasePath + p.Key[..^"index.html".Length])
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task The_sitemap_lists_every_page_readers_can_land_on_with_absolute_urls_in_order()
    {
        var sitemap = await Get(new Uri(served.Root, "sitemap.xml"));
        Assert.Equal(HttpStatusCode.OK, sitemap.Status);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(sitemap.Body).Root!.Elements(ns + "url").ToList();
        var locs = urls.Select(u => u.Element(ns + "loc")!.Value).ToList();

        Assert.Equal(locs.Order(StringComparer.Ordinal), locs);
        var expected = served.Site.ContentPages.Select(p => p.Key).Where(k => k != "404.html")
            .Select(k => Origin + BasePath + k[..^"index.html".Length]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), locs);
        Assert.Subset(locs.ToHashSet(), ArticleUrls().ToHashSet());
        foreach (var url in urls)
        {
            var loc = url.Element(ns + "loc")!.Value;
            Assert.Equal(HttpStatusCode.OK, (await Get(served.Local(loc))).Status);
            var lastmod = url.Element(ns + "lastmod")?.Value;
            var page = served.Site.Page(loc[(Origin + BasePath).Length..] + "index.html");
            Assert.Equal(ReviewedOf(page), lastmod);
        }
    }

    /// <summary>The page's reviewed date as its structured data states it (articles only).</summary>
    private static string? ReviewedOf(IDocument page)
    {
        var json = page.QuerySelector("script[type='application/ld+json']")?.TextContent;
        var match = json is null ? null : System.Text.RegularExpressions.Regex.Match(json, "\"lastReviewed\":\"([0-9-]+)\"");
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    [Fact]
    public async Task The_feed_lists_every_article_newest_review_first_and_is_dated_by_content()
    {
        var fetched = await Get(new Uri(served.Root, "feed.xml"));
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(fetched.Body).Root!;
        var entries = feed.Elements(atom + "entry").Select(e => (
            Title: e.Element(atom + "title")!.Value,
            Href: e.Element(atom + "link")!.Attribute("href")!.Value,
            Id: e.Element(atom + "id")!.Value,
            Updated: DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(ArticleUrls().Order(StringComparer.Ordinal), entries.Select(e => e.Href).Order(StringComparer.Ordinal));
        Assert.Equal(entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Title, StringComparer.Ordinal), entries);
        Assert.Equal(entries.Max(e => e.Updated), DateTimeOffset.Parse(feed.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Origin + BasePath + "feed.xml", feed.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")!.Value);
        Assert.All(entries, e => Assert.Equal(e.Href, e.Id));
        foreach (var entry in entries)
        {
            Assert.Equal(HttpStatusCode.OK, (await Get(served.Local(entry.Href))).Status);
        }
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_by_its_absolute_url()
    {
        var robots = await Get(new Uri(served.Root, "robots.txt"));

        Assert.Equal(HttpStatusCode.OK, robots.Status);
        Assert.Contains($"Sitemap: {Origin}{BasePath}sitemap.xml\n", robots.Body, StringComparison.Ordinal);
        Assert.StartsWith("User-agent: *\n", robots.Body, StringComparison.Ordinal);
    }
}
