using StaticSite.Tests.Support;

namespace StaticSite.Tests.Publishing;

/// <summary>What every page's head tells link previews and browsers about it.</summary>
public sealed class HeadMetaTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    [Fact]
    public void Every_page_has_open_graph_and_twitter_meta_matching_what_it_shows()
    {
        Assert.True(fixture.Site.Result.Succeeded, fixture.Site.Errors);
        foreach (var (path, page) in fixture.Site.ContentPages)
        {
            string? Meta(string name) => page.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            var isArticle = page.QuerySelector("article.article") is not null;

            Assert.StartsWith("https://leg-and-knee.netlify.app/", canonical, StringComparison.Ordinal);
            Assert.True(Meta("og:url") == canonical, $"{path}: og:url is not the canonical address");
            Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), Meta("og:title"));
            Assert.Equal(Meta("description"), Meta("og:description"));
            Assert.Equal(isArticle ? "article" : "website", Meta("og:type"));
            Assert.Equal("Leg and Knee", Meta("og:site_name"));
            Assert.Equal("en_GB", Meta("og:locale"));
            Assert.Equal("summary", Meta("twitter:card"));
        }
    }

    [Fact]
    public void Pages_ask_browsers_not_to_send_their_address_to_other_sites()
    {
        // Netlify sends Referrer-Policy as a header; GitHub Pages cannot, so the page says it too.
        Assert.All(fixture.Site.Pages, p => Assert.Equal("no-referrer", p.Value.QuerySelector("meta[name=referrer]")?.GetAttribute("content")));
    }

    [Fact]
    public void Only_the_404_page_and_redirect_pages_are_kept_out_of_search_results()
    {
        Assert.All(fixture.Site.Pages.Where(p => BuiltSite.IsRedirectPage(p.Value)), p => Assert.NotNull(p.Value.QuerySelector("meta[name=robots][content=noindex]")));
        var noindex = fixture.Site.ContentPages.Where(p => p.Value.QuerySelector("meta[name=robots][content=noindex]") is not null).Select(p => p.Key);

        Assert.Equal(["404.html"], noindex);
    }
}
