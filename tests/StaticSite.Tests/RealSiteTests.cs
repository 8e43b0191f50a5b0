using StaticSite.Tests.Support;

namespace StaticSite.Tests;

/// <summary>The real input/ built with the real theme: every page must meet the basics.</summary>
public sealed class RealSiteTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private BuiltSite Site => fixture.Site;

    [Fact]
    public void Builds_without_errors()
    {
        Assert.True(Site.Result.Succeeded, Site.Errors);
        Assert.DoesNotContain(Site.Result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("leg-and-knee/index.html")]
    [InlineData("leg-and-knee/soleus-pain-when-running/index.html")]
    public void Publishes_the_home_page_the_hub_and_the_article_at_clean_urls(string path)
    {
        Assert.True(File.Exists(Path.Combine(Site.Output, path)), $"{path} missing");
    }

    [Fact]
    public void Every_page_has_exactly_one_h1()
    {
        Assert.NotEmpty(Site.Pages);
        foreach (var (path, page) in Site.Pages)
        {
            Assert.True(page.QuerySelectorAll("h1").Length == 1, $"{path} has {page.QuerySelectorAll("h1").Length} h1s");
        }
    }

    [Fact]
    public void No_page_skips_a_heading_level()
    {
        foreach (var (path, page) in Site.Pages)
        {
            var levels = page.QuerySelectorAll("h1,h2,h3,h4,h5,h6").Select(h => h.LocalName[1] - '0').ToList();
            Assert.Equal(1, levels[0]);
            for (var i = 1; i < levels.Count; i++)
            {
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: h{levels[i - 1]} is followed by h{levels[i]}");
            }
        }
    }

    [Fact]
    public void Every_internal_link_and_source_resolves_to_a_file_and_every_fragment_to_an_id()
    {
        var references = LinkWalker.InternalReferences(Site).ToList();
        Assert.True(references.Count > 20, "expected the pages to link to each other and to their assets");
        foreach (var reference in references)
        {
            var file = LinkWalker.FileFor(Site, reference.Target);
            Assert.True(file is not null && File.Exists(Path.Combine(Site.Output, file)),
                $"{reference.Page}: {reference.Attribute}=\"{reference.Value}\" does not resolve to a file (looked for {file})");
            if (reference.Target.Fragment.Length > 1)
            {
                Assert.True(Site.Pages.TryGetValue(file!, out var target), $"{reference.Page}: fragment link to non-page {file}");
                Assert.True(LinkWalker.Fragment(target!, reference.Target.Fragment[1..]) is not null,
                    $"{reference.Page}: {reference.Value} points to a missing id in {file}");
            }
        }
    }

    [Fact]
    public void Titles_are_unique_and_follow_page_then_site()
    {
        var titles = Site.Pages.Where(p => p.Key != "404.html").Select(p => p.Value.Title).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.Equal("Why does my soleus hurt when I run? – Leg and Knee", Site.Page("leg-and-knee/soleus-pain-when-running/index.html").Title);
    }

    [Fact]
    public void Every_page_declares_its_language_and_description()
    {
        foreach (var (path, page) in Site.Pages)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")), $"{path} has no lang");
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), $"{path} has no description");
        }
    }

    [Fact]
    public void Every_page_starts_with_a_skip_link_to_main_and_has_the_landmarks()
    {
        // Redirect pages are left out on purpose: they hold one link and send the reader on at once.
        foreach (var (path, page) in Site.ContentPages)
        {
            var first = page.Body!.QuerySelector("a, button, input");
            Assert.True(first?.GetAttribute("href") == "#main", $"{path}: first focusable element is not the skip link");
            Assert.Equal("Skip to main content", first!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector("main#main"));
            Assert.NotNull(page.QuerySelector("header"));
            Assert.NotNull(page.QuerySelector("footer"));
            Assert.NotNull(page.QuerySelector("nav[aria-label=Main]"));
        }
    }

    [Fact]
    public void Pages_below_the_home_page_have_breadcrumbs_as_an_ordered_list()
    {
        var article = Site.Page("leg-and-knee/soleus-pain-when-running/index.html");
        var crumbs = article.QuerySelectorAll("nav[aria-label=Breadcrumb] ol li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Leg and knee"], crumbs);
        Assert.Null(Site.Page("index.html").QuerySelector("nav[aria-label=Breadcrumb]"));
    }

    [Fact]
    public void The_article_keeps_the_seed_structure_as_h2_sections_and_h3_subparts()
    {
        var article = Site.Page("leg-and-knee/soleus-pain-when-running/index.html");
        var h2s = article.QuerySelectorAll(".article__body h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Causes", "Symptoms", "When to get help", "Treatment", "Recovery"], h2s);

        // The nine causes of the original, each still its own h3 under Causes, in plain words.
        var causes = new List<string>();
        for (var e = article.QuerySelectorAll(".article__body h2").First(h => h.TextContent == "Causes").NextElementSibling; e is not null && e.TagName != "H2"; e = e.NextElementSibling)
        {
            if (e.TagName == "H3")
            {
                causes.Add(e.TextContent.Trim());
            }
        }

        Assert.Equal(9, causes.Count);
        Assert.Contains("Doing too much", causes);
        Assert.Contains("Dehydration and cramp", causes);
        var stretch = article.QuerySelectorAll(".steps").Single(s => s.QuerySelector(".steps__heading")!.TextContent == "Soleus wall stretch");
        Assert.Equal(5, stretch.QuerySelectorAll("ol li").Length);
        Assert.DoesNotContain("Linear helps streamline", article.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hub_lists_its_articles_from_front_matter()
    {
        var hub = Site.Page("leg-and-knee/index.html");
        var links = hub.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/leg-and-knee/soleus-pain-when-running/", links);
        Assert.Contains(hub.QuerySelectorAll("main li"), li => li.TextContent.Contains("The soleus is a muscle deep in the lower part of your calf.", StringComparison.Ordinal));
    }
}
