using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Taxonomies;

/// <summary>The library's Activities taxonomy as published: every term page and every article's terms agree.</summary>
public sealed class ActivityLibraryTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private BuiltSite Site => fixture.Site;

    private static readonly Taxonomy Activity =
        SiteConfig.Load(Repo.Input, "input/site.yml", new DiagnosticBag(), null, null)!.Taxonomies.Single(t => t.Name == "activity");

    /// <summary>Each article's activity terms, from its Markdown file.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> TermsBySitePath() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Input, "leg-and-knee"), "*.md")
            .Where(f => Path.GetFileName(f) != "index.md")
            .ToDictionary(
                f => "/leg-and-knee/" + Path.GetFileNameWithoutExtension(f) + "/",
                f =>
                {
                    var meta = FrontMatter.Parse(FrontMatter.Split(File.ReadAllText(f)).Yaml!, f, new DiagnosticBag(), [Activity])!;
                    return meta.Terms.GetValueOrDefault("activity") ?? [];
                });

    [Fact]
    public void Each_term_page_lists_exactly_the_articles_that_name_the_term()
    {
        Assert.True(Site.Result.Succeeded, Site.Errors);
        var terms = TermsBySitePath();
        Assert.True(terms.Values.Count(t => t.Count > 0) >= 10, "most articles name the activity that brings the problem on");
        foreach (var term in Activity.Terms)
        {
            var expected = terms.Where(t => t.Value.Contains(term.Name)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.Count > 0, $"'{term.Name}' is declared in site.yml but no article names it");
            var page = Site.Page($"activity/{term.Slug}/index.html");
            var listed = page.QuerySelectorAll("main .page-list__item > a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, listed);
        }
    }

    [Fact]
    public void Each_article_links_to_the_page_of_each_of_its_terms_and_the_index_lists_them_all()
    {
        var index = Site.Page("activity/index.html");
        Assert.Equal(Activity.Terms.Select(t => "/activity/" + t.Slug + "/"), index.QuerySelectorAll("main .page-list__item > a").Select(a => a.GetAttribute("href")));
        foreach (var (sitePath, terms) in TermsBySitePath())
        {
            var links = Site.Page(sitePath.TrimStart('/') + "index.html").QuerySelectorAll("article .page-terms dd a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(terms.Select(t => "/activity/" + Activity.Find(t)!.Slug + "/"), links);
        }
    }
}
