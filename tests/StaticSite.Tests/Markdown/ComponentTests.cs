using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// The health components, built through the whole pipeline from tests/fixtures/components and
/// read back with AngleSharp: markup, semantics and the structured data that mirrors them.
/// </summary>
public sealed class ComponentTests : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly IDocument _page;
    private readonly BuildResult _result;

    public ComponentTests()
    {
        TempDir.Copy(Path.Combine(Repo.Fixtures, "components"), _site.Root);
        _result = _site.Build("/base/");
        Assert.True(_result.Succeeded, string.Join('\n', _result.Diagnostics));
        _page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, "guide", "components", "index.html")));
    }

    public void Dispose()
    {
        _page.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Checklists_are_fieldsets_with_a_legend_a_hint_and_one_label_per_checkbox()
    {
        var checklists = _page.QuerySelectorAll("fieldset.checklist");
        Assert.Equal(2, checklists.Length);
        foreach (var checklist in checklists)
        {
            Assert.Equal("Symptoms", checklist.QuerySelector("legend")?.TextContent.Trim());
            var hintId = checklist.GetAttribute("aria-describedby");
            var hint = _page.GetElementById(hintId!);
            Assert.NotNull(hint);
            Assert.Equal("Tick any that you have. This is not a diagnosis.", hint!.TextContent);
            Assert.True(checklist.Contains(hint));

            var boxes = checklist.QuerySelectorAll("input[type=checkbox]");
            Assert.Equal(2, boxes.Length);
            foreach (var box in boxes)
            {
                var labels = _page.QuerySelectorAll($"label[for='{box.Id}']");
                Assert.Single(labels);
                Assert.Null(box.Closest("label"));
                Assert.False(string.IsNullOrWhiteSpace(labels[0].TextContent));
            }
        }
    }

    [Fact]
    public void Ids_are_unique_across_the_page_even_for_checklists_with_the_same_title()
    {
        var ids = _page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("symptoms-2-1", ids);
        // The "Symptoms" heading took "symptoms"; the first checklist must not collide with it.
        Assert.Equal("H2", _page.GetElementById("symptoms")!.TagName);
    }

    [Fact]
    public void Checklists_work_without_javascript_as_native_checkboxes()
    {
        Assert.All(_page.QuerySelectorAll("fieldset.checklist input"), box =>
        {
            Assert.Equal("checkbox", box.GetAttribute("type"));
            Assert.False(box.HasAttribute("disabled"));
        });
    }

    [Theory]
    [InlineData("non-urgent", "Non-urgent advice: ", "See a GP if:", "H3")]
    [InlineData("urgent", "Urgent advice: ", "Ask for an urgent GP appointment if:", "H3")]
    [InlineData("emergency", "Immediate action required: ", "Call 999 if:", "H4")]
    public void Care_cards_carry_urgency_in_words_inside_a_heading_that_fits_the_outline(string level, string prefix, string heading, string tag)
    {
        var card = _page.QuerySelector($".care-card--{level}");
        Assert.NotNull(card);
        var h = card!.QuerySelector(".care-card__heading")!;
        Assert.Equal(tag, h.TagName);
        var hidden = h.FirstElementChild!;
        Assert.Equal("visually-hidden", hidden.ClassName);
        Assert.Equal(prefix, hidden.TextContent);
        Assert.Equal(prefix + heading, h.TextContent);
        Assert.False(card.HasAttribute("role"));
        Assert.NotNull(card.QuerySelector(".care-card__content li"));
    }

    [Fact]
    public void Steps_are_a_heading_and_an_ordered_list_even_when_written_as_bullets()
    {
        var steps = _page.QuerySelector(".steps")!;
        Assert.Equal("H3", steps.QuerySelector(".steps__heading")!.TagName);
        Assert.Equal("Calf stretch", steps.QuerySelector(".steps__heading")!.TextContent);
        Assert.Equal(3, steps.QuerySelectorAll("ol > li").Length);
        Assert.Null(steps.QuerySelector("ul"));
    }

    [Fact]
    public void On_this_page_lists_the_h2s_only_when_there_are_three_or_more()
    {
        var nav = _page.QuerySelector("nav.contents");
        Assert.NotNull(nav);
        Assert.Equal("On this page", _page.GetElementById(nav!.GetAttribute("aria-labelledby")!)!.TextContent);
        var links = nav.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Symptoms", "#symptoms"), ("When to see a doctor", "#when-to-see-a-doctor"), ("Treatment", "#treatment"), ("Recovery", "#recovery")], links);

        using var article = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, "guide", "article", "index.html")));
        Assert.Null(article.QuerySelector("nav.contents"));
    }

    [Fact]
    public void Review_dates_sources_related_pages_and_the_standing_note_come_from_front_matter()
    {
        var times = _page.QuerySelectorAll(".page-review time").Select(t => (t.GetAttribute("datetime"), t.TextContent)).ToList();
        Assert.Equal([("2026-01-10", "10 January 2026"), ("2027-01-10", "10 January 2027")], times);
        Assert.Contains("Page last reviewed:", _page.QuerySelector(".page-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not replace advice", _page.QuerySelector(".page-note")!.TextContent, StringComparison.Ordinal);

        var sources = _page.QuerySelectorAll(".sources ol > li a");
        Assert.Equal(["https://www.nhs.uk/conditions/sprains-and-strains/", "https://medlineplus.gov/sprainsandstrains.html"], sources.Select(a => a.GetAttribute("href")));
        Assert.Equal("Sources", _page.QuerySelector(".sources h2")!.TextContent);

        var related = Assert.Single(_page.QuerySelectorAll(".related a"));
        Assert.Equal("An article", related.TextContent);
        Assert.Equal("/base/guide/article/", related.GetAttribute("href"));
    }

    [Fact]
    public void Json_ld_describes_the_condition_and_matches_the_visible_page()
    {
        var script = _page.QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var graph = json.RootElement.GetProperty("@graph");
        var webPage = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "MedicalWebPage");
        Assert.Equal("2026-01-10", webPage.GetProperty("lastReviewed").GetString());
        Assert.Equal("en-GB", webPage.GetProperty("inLanguage").GetString());
        Assert.Equal("Patient", webPage.GetProperty("medicalAudience").GetProperty("audienceType").GetString());
        Assert.Equal("https://fixture.example/base/guide/components/", webPage.GetProperty("url").GetString());

        var condition = webPage.GetProperty("mainEntity");
        Assert.Equal("MedicalCondition", condition.GetProperty("@type").GetString());
        Assert.Equal("Test condition", condition.GetProperty("name").GetString());
        Assert.Equal("Test muscle", condition.GetProperty("associatedAnatomy").GetProperty("name").GetString());

        var symptoms = condition.GetProperty("signOrSymptom").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        var labels = _page.QuerySelectorAll("fieldset.checklist label").Select(l => l.TextContent).ToList();
        Assert.Equal(["Aching pain", "Tightness", "Swelling", "Plain item without a lead-in"], symptoms);
        Assert.All(symptoms, s => Assert.Contains(labels, l => l.StartsWith(s, StringComparison.Ordinal)));

        var treatments = condition.GetProperty("possibleTreatment").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Rest", "Ice"], treatments);

        var crumbs = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "BreadcrumbList")
            .GetProperty("itemListElement").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("item").GetString())).ToList();
        Assert.Equal([
            ("Home", "https://fixture.example/base/"),
            ("Guide", "https://fixture.example/base/guide/"),
            ("Every component", "https://fixture.example/base/guide/components/")], crumbs);
        Assert.Equal(crumbs.SkipLast(1).Select(c => c.Item1), _page.QuerySelectorAll("nav[aria-label=Breadcrumb] a").Select(a => a.TextContent));
    }

    [Fact]
    public void An_overdue_review_is_a_warning_not_an_error()
    {
        var result = Site.Build(_site.Options("/base/") with { Today = new DateOnly(2027, 6, 1) });
        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "FM006" && d.Path == "input/guide/components.md" && d.Line == 9
            && d.Message == "review overdue: next_review was 2027-01-10");
    }
}
