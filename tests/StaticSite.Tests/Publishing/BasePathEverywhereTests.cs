using System.Text.Json;
using System.Xml.Linq;

namespace StaticSite.Tests.Publishing;

/// <summary>
/// Built under /leg-knee/, every address the site emits starts with the base path or leaves the
/// site, in every place one can hide: attributes, meta tags, JSON-LD, sitemap, feed, robots.txt,
/// redirect rules and redirect pages. Fragment-only links stay fragment-only.
/// </summary>
public sealed class BasePathEverywhereTests(ServedSiteFixture served) : IClassFixture<ServedSiteFixture>
{
    private const string Prefix = ServedSiteFixture.BasePath;
    private const string AbsolutePrefix = ServedSiteFixture.Origin + ServedSiteFixture.BasePath;

    private static void AssertUrl(string where, string url)
    {
        var ok = url.StartsWith(Prefix, StringComparison.Ordinal)
            || url.StartsWith(AbsolutePrefix, StringComparison.Ordinal)
            || (url.StartsWith('#') && url.Length > 1)
            || (url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith(ServedSiteFixture.Origin, StringComparison.Ordinal));
        Assert.True(ok, $"{where}: '{url}' ignores the base path {Prefix}");
    }

    [Fact]
    public void Every_attribute_meta_tag_and_json_ld_url_of_every_page_has_the_base_path()
    {
        foreach (var (path, page) in served.Site.Pages)
        {
            foreach (var element in page.QuerySelectorAll("[href], [src], [srcset]"))
            {
                foreach (var value in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>()
                    .Concat((element.GetAttribute("srcset") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0])))
                {
                    AssertUrl($"{path} <{element.LocalName}>", value);
                }
            }

            foreach (var meta in page.QuerySelectorAll("meta[property='og:url'], meta[http-equiv]"))
            {
                var content = meta.GetAttribute("content")!;
                AssertUrl($"{path} meta", content.Contains("url=", StringComparison.Ordinal) ? content[(content.IndexOf("url=", StringComparison.Ordinal) + 4)..] : content);
            }

            foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            {
                using var json = JsonDocument.Parse(script.TextContent);
                foreach (var url in Strings(json.RootElement).Where(s => s.StartsWith("http", StringComparison.Ordinal) && !s.StartsWith("https://schema.org", StringComparison.Ordinal)))
                {
                    AssertUrl($"{path} JSON-LD", url);
                }
            }
        }
    }

    [Fact]
    public void The_skip_link_and_the_contents_list_stay_fragment_only()
    {
        var article = served.Site.Page("leg-and-knee/soleus-pain-when-running/index.html");

        Assert.Equal("#main", article.QuerySelector("a.skip-link")!.GetAttribute("href"));
        var fragments = article.QuerySelectorAll("main a[href^='#']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(fragments.Count >= 3, "the 'On this page' list links to the sections by fragment");
        Assert.All(fragments, href => Assert.NotNull(article.GetElementById(href[1..])));
        // A link to a place on the same page never spells out the page's own address.
        var self = Prefix + "leg-and-knee/soleus-pain-when-running/";
        Assert.DoesNotContain(article.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith(self + "#", StringComparison.Ordinal));
    }

    [Fact]
    public void Sitemap_feed_robots_and_redirect_rules_use_the_base_path()
    {
        var output = served.Site.Output;
        var sitemap = XDocument.Load(Path.Combine(output, "sitemap.xml"));
        var feed = XDocument.Load(Path.Combine(output, "feed.xml"));

        var urls = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value)
            .Concat(feed.Descendants().Where(e => e.Name.LocalName == "id").Select(e => e.Value))
            .Concat(feed.Descendants().Where(e => e.Name.LocalName == "link").Select(e => e.Attribute("href")!.Value))
            .Concat(File.ReadAllLines(Path.Combine(output, "robots.txt")).Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)).Select(l => l["Sitemap: ".Length..]))
            .ToList();
        Assert.True(urls.Count > 25);
        Assert.All(urls, u => Assert.StartsWith(AbsolutePrefix, u, StringComparison.Ordinal));

        foreach (var line in File.ReadAllLines(Path.Combine(output, "_redirects")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split(' ');
            Assert.StartsWith(Prefix, parts[0], StringComparison.Ordinal);
            Assert.StartsWith(Prefix, parts[1], StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
