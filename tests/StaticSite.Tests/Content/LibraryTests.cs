using System.Text.Json;
using AngleSharp.Dom;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>The Leg and Knee library as published: every article complete, linked and findable.</summary>
public sealed class LibraryTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private const string Soleus = "leg-and-knee/soleus-pain-when-running/index.html";

    private BuiltSite Site => fixture.Site;

    /// <summary>The real site.yml's taxonomies: their names are front matter keys too.</summary>
    private static readonly IReadOnlyList<Taxonomy> Taxonomies =
        SiteConfig.Load(Repo.Input, "input/site.yml", new DiagnosticBag(), null, null)!.Taxonomies;

    private static IReadOnlyList<(string Path, FrontMatter Meta, string Body)> Articles() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Input, "leg-and-knee"), "*.md")
            .Where(f => Path.GetFileName(f) != "index.md")
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var (yaml, body, _) = FrontMatter.Split(File.ReadAllText(f));
                var diagnostics = new DiagnosticBag();
                var meta = FrontMatter.Parse(yaml!, f, diagnostics, Taxonomies);
                Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
                return (Path.GetRelativePath(Repo.Input, f).Replace('\\', '/'), meta!, body);
            })
            .ToList();

    private IDocument PageFor(string sourcePath) => Site.Page(sourcePath[..^3] + "/index.html");

    [Fact]
    public void The_library_holds_the_soleus_article_and_at_least_nine_more()
    {
        var articles = Articles();
        Assert.True(articles.Count >= 10, $"only {articles.Count} articles");
        string[] required =
        [
            "calf-strain", "achilles-tendinopathy", "shin-splints", "tibial-stress-fracture", "runners-knee",
            "iliotibial-band-syndrome", "patellar-tendinopathy", "deep-vein-thrombosis",
            "chronic-exertional-compartment-syndrome", "soleus-pain-when-running",
        ];
        foreach (var name in required)
        {
            Assert.Contains(articles, a => a.Path == $"leg-and-knee/{name}.md");
        }

        Assert.Contains(articles, a => a.Meta.Condition is null && PageFor(a.Path).QuerySelectorAll(".steps").Length >= 2);
    }

    [Fact]
    public void Every_article_has_every_required_field_and_at_least_three_sources()
    {
        foreach (var (path, meta, _) in Articles())
        {
            Assert.True(meta.Reviewed is not null && meta.NextReview is not null, $"{path}: review dates");
            Assert.False(string.IsNullOrWhiteSpace(meta.Area), $"{path}: area");
            Assert.False(string.IsNullOrWhiteSpace(meta.Anatomy), $"{path}: anatomy");
            Assert.True(meta.Related.Count >= 2, $"{path}: related");
            Assert.True(meta.Sources.Count >= 3, $"{path}: only {meta.Sources.Count} sources");
            Assert.All(meta.Sources, s => Assert.StartsWith("https://", s.Url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_condition_article_has_every_section_in_order()
    {
        foreach (var (path, meta, _) in Articles().Where(a => a.Meta.Condition is not null))
        {
            var h2s = PageFor(path).QuerySelectorAll(".article__body > h2").Select(h => h.TextContent.Trim()).ToList();
            string[] sections = ["Causes", "Symptoms", "When to get help", "Treatment", "Recovery"];
            var positions = sections.Select(s => h2s.FindIndex(h => h.StartsWith(s, StringComparison.Ordinal))).ToList();
            Assert.True(positions.All(p => p >= 0), $"{path} lacks a section; has: {string.Join(", ", h2s)}");
            Assert.True(positions.SequenceEqual(positions.Order()), $"{path}: sections out of order: {string.Join(", ", h2s)}");
            Assert.NotNull(PageFor(path).QuerySelector("fieldset.checklist"));
        }
    }

    [Fact]
    public void Every_condition_page_has_a_red_flag_care_card()
    {
        foreach (var (path, _, _) in Articles().Where(a => a.Meta.Condition is not null))
        {
            var page = PageFor(path);
            Assert.True(page.QuerySelector(".care-card--urgent, .care-card--emergency") is not null, $"{path} has no urgent or emergency care card");
        }
    }

    [Fact]
    public void Every_page_is_reachable_from_the_home_page_in_at_most_two_clicks()
    {
        var distance = new Dictionary<string, int> { ["index.html"] = 0 };
        var queue = new Queue<string>(["index.html"]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var link in Site.Page(current).QuerySelectorAll("a[href]"))
            {
                var target = LinkWalker.FileFor(Site, new Uri(new Uri("http://site.test/" + current), link.GetAttribute("href")));
                if (target is not null && Site.Pages.ContainsKey(target) && distance.TryAdd(target, distance[current] + 1))
                {
                    queue.Enqueue(target);
                }
            }
        }

        var pages = Site.Pages.Keys.Where(p => p != "404.html" && Site.Page(p).QuerySelector("meta[http-equiv=refresh]") is null);
        foreach (var page in pages)
        {
            Assert.True(distance.TryGetValue(page, out var clicks) && clicks <= 2, $"{page} is {(distance.ContainsKey(page) ? clicks + " clicks" : "unreachable")} from the home page");
        }
    }

    [Fact]
    public void The_hub_groups_articles_by_where_it_hurts_in_body_order_with_descriptions()
    {
        var hub = Site.Page("leg-and-knee/index.html");
        var groups = hub.QuerySelectorAll("section.hub__group").ToList();
        var titles = groups.Select(g => g.QuerySelector("h2")!.TextContent).ToList();
        var order = new[] { "Hip", "Thigh", "Knee", "Shin", "Calf", "Ankle" };
        Assert.Equal(order.Where(titles.Contains), titles);
        foreach (var (path, meta, _) in Articles())
        {
            var group = groups.Single(g => g.QuerySelector("h2")!.TextContent.Equals(meta.Area, StringComparison.OrdinalIgnoreCase));
            var item = group.QuerySelectorAll("li").SingleOrDefault(li => li.QuerySelector("a")!.TextContent == meta.Title);
            Assert.True(item is not null, $"{path} is not listed under {meta.Area}");
            Assert.Contains(meta.Description!, item!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_a_to_z_lists_every_condition_and_each_of_its_other_names()
    {
        var az = Site.Page("conditions-a-z/index.html");
        var entries = az.QuerySelectorAll(".az-list li").Select(li => li.TextContent.Trim()).ToList();
        foreach (var (path, meta, _) in Articles().Where(a => a.Meta.Condition is not null))
        {
            var href = "/" + path[..^3] + "/";
            Assert.Contains(az.QuerySelectorAll(".az-list a"), a => a.GetAttribute("href") == href && a.TextContent == meta.Condition);
            foreach (var other in meta.OtherNames)
            {
                Assert.Contains(entries, e => e.StartsWith(other + ": see " + meta.Title, StringComparison.Ordinal));
            }
        }

        Assert.Contains(entries, e => e.StartsWith("Patellofemoral pain: see Runner's knee", StringComparison.Ordinal));
        var letters = az.QuerySelectorAll(".az-group h2").Select(h => h.TextContent).ToList();
        Assert.Equal(letters.Order(StringComparer.Ordinal), letters);
    }

    [Fact]
    public void The_soleus_article_links_to_the_pages_of_the_conditions_it_names()
    {
        var links = Site.Page(Soleus).QuerySelectorAll(".article__body a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/leg-and-knee/deep-vein-thrombosis/", links);
        Assert.Contains("/leg-and-knee/chronic-exertional-compartment-syndrome/", links);
        Assert.Contains("/leg-and-knee/calf-strain/", links);
    }

    [Fact]
    public void The_soleus_article_uses_the_components_for_its_symptoms_advice_and_stretch()
    {
        var page = Site.Page(Soleus);
        var checklists = page.QuerySelectorAll("fieldset.checklist");
        Assert.Equal(["Common symptoms of soleus pain", "Less common symptoms of soleus pain"], checklists.Select(c => c.QuerySelector("legend")!.TextContent));
        Assert.Equal(6, checklists[0].QuerySelectorAll("input[type=checkbox]").Length);
        Assert.Equal(4, checklists[1].QuerySelectorAll("input[type=checkbox]").Length);

        var urgent = page.QuerySelector(".care-card--urgent")!.TextContent;
        Assert.Contains("your calf is throbbing, painful or swollen", urgent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".care-card--emergency"));
        Assert.NotNull(page.QuerySelector(".care-card--non-urgent"));
        Assert.Contains(page.QuerySelectorAll(".steps .steps__heading"), h => h.TextContent == "Soleus wall stretch");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var webPage = json.RootElement.GetProperty("@graph")[0];
        var symptoms = webPage.GetProperty("mainEntity").GetProperty("signOrSymptom").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        var labels = page.QuerySelectorAll("fieldset.checklist label strong").Select(s => s.TextContent.TrimEnd(':')).ToList();
        Assert.Equal(labels, symptoms);
        Assert.Equal("https://leg-and-knee.netlify.app/leg-and-knee/soleus-pain-when-running/", webPage.GetProperty("url").GetString());
    }
}
