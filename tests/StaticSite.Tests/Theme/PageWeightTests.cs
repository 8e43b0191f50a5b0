using System.IO.Compression;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Theme;

/// <summary>
/// The performance budget from the design: an article's HTML and CSS fit the first round trip
/// (about 14 KB gzipped, TCP's initial window), the script stays under 4 KB gzipped, and nothing
/// comes from another origin or as a web font.
/// </summary>
public sealed class PageWeightTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private const int HtmlAndCssBudget = 14 * 1024;
    private const int ScriptBudget = 4 * 1024;

    private BuiltSite Site => fixture.Site;

    [Fact]
    public void Every_article_fits_html_and_css_in_14_kb_gzipped()
    {
        var articles = Site.Pages.Where(p => p.Value.QuerySelector("article.article") is not null).ToList();
        Assert.True(articles.Count >= 10, $"expected the real site's articles, found {articles.Count}");

        var over = new List<string>();
        foreach (var (path, page) in articles)
        {
            var html = Gzipped(File.ReadAllBytes(Path.Combine(Site.Output, path)));
            var css = page.QuerySelectorAll("link[rel=stylesheet]").Sum(l => Gzipped(AssetBytes(l.GetAttribute("href")!)));
            if (html + css > HtmlAndCssBudget)
            {
                over.Add($"{path}: HTML {html} B + CSS {css} B = {html + css} B gzipped, budget {HtmlAndCssBudget} B");
            }
        }

        Assert.True(over.Count == 0, string.Join(Environment.NewLine, over));
    }

    [Fact]
    public void The_search_page_fits_html_and_css_in_14_kb_gzipped()
    {
        // It carries the list of index files, which grows with the site's vocabulary.
        var path = "search/index.html";
        var html = Gzipped(File.ReadAllBytes(Path.Combine(Site.Output, path)));
        var css = Site.Page(path).QuerySelectorAll("link[rel=stylesheet]").Sum(l => Gzipped(AssetBytes(l.GetAttribute("href")!)));
        Assert.True(html + css <= HtmlAndCssBudget, $"{path}: HTML {html} B + CSS {css} B = {html + css} B gzipped, budget {HtmlAndCssBudget} B");
    }

    [Fact]
    public void Every_page_loads_at_most_4_kb_of_script_gzipped()
    {
        // Per page, all its scripts together. The search page loads its own script instead of
        // the checklist one; the index files it fetches come only after the reader searches.
        var over = new List<string>();
        foreach (var (path, page) in Site.Pages)
        {
            var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
            var total = scripts.Sum(s => Gzipped(AssetBytes(s)));
            if (total > ScriptBudget)
            {
                over.Add($"{path}: scripts are {total} B gzipped ({string.Join(", ", scripts)}), budget {ScriptBudget} B");
            }
        }

        Assert.True(over.Count == 0, string.Join(Environment.NewLine, over));
    }

    [Fact]
    public void Pages_load_nothing_from_other_origins_and_no_web_fonts()
    {
        foreach (var (path, page) in Site.Pages)
        {
            foreach (var element in page.QuerySelectorAll("link[href]:not([rel=canonical]):not([rel=alternate]), script[src], img[src], source[srcset], iframe, video, audio"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("srcset") ?? "";
                Assert.True(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal),
                    $"{path}: <{element.LocalName}> loads '{url}' from outside the site");
            }
        }

        foreach (var css in Directory.EnumerateFiles(Path.Combine(Site.Output, "assets"), "*.css"))
        {
            var text = File.ReadAllText(css);
            Assert.DoesNotContain("@font-face", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private byte[] AssetBytes(string href)
    {
        Assert.StartsWith(Site.BasePath, href);
        return File.ReadAllBytes(Path.Combine(Site.Output, href[Site.BasePath.Length..]));
    }

    private static int Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)buffer.Length;
    }
}
