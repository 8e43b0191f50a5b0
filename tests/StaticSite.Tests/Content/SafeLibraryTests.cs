using AngleSharp.Dom;
using StaticSite.Diagnostics;
using StaticSite.PlainEnglish;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// The library is safe, readable and complete: plain sentences, UK triage in the right cards,
/// every area of the leg covered, one page per name, and a glossary whose links all land.
/// Everything here reads the real site as built.
/// </summary>
public sealed class SafeLibraryTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private const int MaxSentenceWords = 25;

    private BuiltSite Site => fixture.Site;

    private IEnumerable<KeyValuePair<string, IDocument>> Articles =>
        Site.Pages.Where(p => p.Value.QuerySelector(".article__body") is not null && p.Value.QuerySelector("script[type='application/ld+json']") is not null
            && p.Key.StartsWith("leg-and-knee/", StringComparison.Ordinal) && p.Key != "leg-and-knee/index.html");

    [Fact]
    public void The_real_site_builds_with_no_warning()
    {
        Assert.True(Site.Result.Succeeded, Site.Errors);
        Assert.Empty(Site.Result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_article_reads_at_70_or_more_the_soleus_article_included()
    {
        Assert.Equal(Articles.Count(), Site.Result.Readability.Count);
        Assert.All(Site.Result.Readability, r => Assert.True(r.Score.ReadingEase >= 70, $"{r.Path} reads at {r.Score.ReadingEase:0.0}"));
        Assert.Contains(Site.Result.Readability, r => r.Path.EndsWith("soleus-pain-when-running.md", StringComparison.Ordinal));
    }

    [Fact]
    public void No_page_has_a_sentence_over_25_words_unless_marked_as_allowed()
    {
        var checkedSentences = 0;
        foreach (var (path, page) in Site.ContentPages)
        {
            foreach (var block in page.QuerySelectorAll("main p, main li").Where(b => b.QuerySelector("p, li") is null && !IsAllowed(b) && IsAuthored(b)))
            {
                foreach (var sentence in Sentences.Split(block.TextContent))
                {
                    checkedSentences++;
                    var text = block.TextContent.Substring(sentence.Start, sentence.Length);
                    Assert.True(sentence.Words <= MaxSentenceWords, $"{path}: {sentence.Words} words: {text}");
                }
            }
        }

        Assert.True(checkedSentences > 1000, $"only {checkedSentences} sentences were read");
    }

    /// <summary>Prose the author wrote, not lists of sources or pages whose titles are someone else's words.</summary>
    private static bool IsAuthored(IElement block) =>
        block.Closest(".sources, .related, .contents, nav, .page-list, .az-list, .hub__group") is null;

    /// <summary>The author's marker, kept in the HTML as a comment just before the paragraph or list.</summary>
    private static bool IsAllowed(IElement block)
    {
        for (IElement? element = block; element is not null && element.LocalName != "main"; element = element.ParentElement)
        {
            var previous = element.PreviousSibling;
            while (previous is IText { Data: var data } && string.IsNullOrWhiteSpace(data))
            {
                previous = previous.PreviousSibling;
            }

            if (previous is IComment comment && comment.Data.Trim() == "allow long sentences")
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Every_condition_page_has_an_emergency_or_urgent_care_card()
    {
        var conditions = Articles.Where(a => a.Value.QuerySelector(".article__body fieldset.checklist") is not null).ToList();
        Assert.True(conditions.Count >= 18, $"only {conditions.Count} condition pages");
        Assert.All(conditions, a => Assert.True(a.Value.QuerySelector(".care-card--emergency, .care-card--urgent") is not null, $"{a.Key} has no emergency or urgent care card"));
    }

    [Theory]
    [InlineData("snap", "A&E")]
    [InlineData("changed shape", "A&E")]
    [InlineData("coughing up blood", "999")]
    [InlineData("pale", "999")]
    public void Red_flags_are_only_ever_in_an_emergency_card_that_names_the_service(string sign, string service)
    {
        var found = 0;
        foreach (var (path, page) in Articles)
        {
            // "there was no snap" is the absence of the sign, which a routine card may rightly name.
            foreach (var item in page.QuerySelectorAll(".care-card li").Where(li => li.TextContent.Contains(sign, StringComparison.OrdinalIgnoreCase)
                && !li.TextContent.Contains("no " + sign, StringComparison.OrdinalIgnoreCase)))
            {
                found++;
                var card = item.Closest(".care-card")!;
                Assert.True(card.ClassList.Contains("care-card--emergency"), $"{path}: '{item.TextContent.Trim()}' is in a {card.ClassName} card");
                Assert.Contains(service, card.QuerySelector(".care-card__heading, h2, h3, h4")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.True(found > 0, $"no care card mentions '{sign}'");
    }

    [Fact]
    public void Suspected_achilles_rupture_goes_to_an_urgent_treatment_centre_or_a_and_e_on_every_page_that_mentions_it()
    {
        var pages = Articles.Where(a => a.Value.QuerySelector(".article__body")!.TextContent.Contains("snap", StringComparison.OrdinalIgnoreCase)
            && a.Value.QuerySelector(".article__body")!.TextContent.Contains("Achilles", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 5, $"only {pages.Count} pages mention a snapped Achilles tendon");
        foreach (var (path, page) in pages)
        {
            Assert.True(page.QuerySelectorAll(".care-card--emergency").Any(c => c.TextContent.Contains("urgent treatment centre or A&E", StringComparison.Ordinal) || c.TextContent.Contains("Call 999", StringComparison.Ordinal)),
                $"{path} mentions a snap but has no urgent treatment centre or A&E card");
        }
    }

    [Fact]
    public void Every_area_of_the_leg_has_at_least_two_articles()
    {
        var hub = Site.Page("leg-and-knee/index.html");
        foreach (var area in new[] { "Hip", "Thigh", "Knee", "Shin", "Calf", "Ankle" })
        {
            var group = hub.QuerySelectorAll("section.hub__group").SingleOrDefault(g => g.QuerySelector("h2")!.TextContent == area);
            Assert.True(group is not null, $"the hub has no {area} group");
            Assert.True(group!.QuerySelectorAll("li a").Length >= 2, $"{area} has {group.QuerySelectorAll("li a").Length} article(s)");
        }
    }

    [Fact]
    public void Each_name_in_the_a_to_z_goes_to_one_page()
    {
        var az = Site.Page("conditions-a-z/index.html");
        var names = az.QuerySelectorAll(".az-list li")
            .Select(li => (Name: li.TextContent.Split(": see ")[0].Trim().ToUpperInvariant(), Href: li.QuerySelector("a")!.GetAttribute("href")))
            .ToList();
        Assert.True(names.Count > 80, $"only {names.Count} names");
        foreach (var group in names.GroupBy(n => n.Name))
        {
            Assert.True(group.Select(n => n.Href).Distinct().Count() == 1, $"'{group.Key}' goes to {string.Join(" and ", group.Select(n => n.Href).Distinct())}");
            Assert.Single(group);
        }
    }

    [Fact]
    public void Every_glossary_link_lands_on_an_entry_and_every_entry_is_used()
    {
        var glossary = Site.Page("glossary/index.html");
        var entries = glossary.QuerySelectorAll("dl.glossary > div[id]").Select(e => e.Id!).ToList();
        Assert.True(entries.Count >= 20, $"only {entries.Count} glossary entries");

        var linked = Articles
            .SelectMany(a => a.Value.QuerySelectorAll(".article__body a[href^='/glossary/#']"))
            .Select(a => a.GetAttribute("href")!["/glossary/#".Length..])
            .ToList();
        Assert.All(linked, id => Assert.Contains(id, entries));
        Assert.Empty(entries.Except(linked));
    }

    [Fact]
    public void Each_article_links_a_term_once_and_spells_out_an_abbreviation_where_it_first_links_it()
    {
        foreach (var (path, page) in Articles)
        {
            var links = page.QuerySelectorAll(".article__body a[href^='/glossary/#']").ToList();
            Assert.True(links.Count >= 1, $"{path} links no glossary term");
            var hrefs = links.Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(hrefs.Distinct().Count(), hrefs.Count);
            foreach (var abbr in links.Select(a => a.QuerySelector("abbr")).OfType<IElement>())
            {
                var paragraph = abbr.Closest("p, li")!.TextContent;
                Assert.Contains(abbr.GetAttribute("title")!, paragraph, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void The_soleus_article_is_rewritten_safely_in_its_original_shape()
    {
        var page = Site.Page("leg-and-knee/soleus-pain-when-running/index.html");
        var body = page.QuerySelector(".article__body")!;
        Assert.Equal(["Causes", "Symptoms", "When to get help", "Treatment", "Recovery"], body.QuerySelectorAll(":scope > h2").Select(h => h.TextContent.Trim()));

        var text = body.TextContent;
        foreach (var unsafeOrSalesy in new[] { "Zocdoc", "Healthgrades", "Amazon", "naproxen", "In conclusion", "delve", "Discover", "physical therap", "Epsom" })
        {
            Assert.DoesNotContain(unsafeOrSalesy, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Discover", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelectorAll(".steps__heading").FirstOrDefault(h => h.TextContent == "Soleus wall stretch"));
        Assert.Contains(body.QuerySelectorAll("h3"), h => h.TextContent.Trim() == "Potential complications");

        // The blood clot warning comes before any treatment advice.
        var treatment = body.QuerySelectorAll(":scope > h2").Single(h => h.TextContent.Trim() == "Treatment");
        var firstAdvice = treatment.NextElementSibling!;
        Assert.Contains("blood clot", firstAdvice.TextContent, StringComparison.OrdinalIgnoreCase);

        var emergency = string.Concat(page.QuerySelectorAll(".care-card--emergency").Select(c => c.TextContent));
        Assert.Contains("999", emergency, StringComparison.Ordinal);
        Assert.Contains("urgent treatment centre or A&E", emergency, StringComparison.Ordinal);
        Assert.Contains("numb", emergency, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_article_names_its_review_dates_and_the_note_that_it_does_not_replace_advice()
    {
        foreach (var (path, page) in Articles)
        {
            Assert.True(page.QuerySelectorAll(".page-review__dates time").Length == 2, $"{path} lacks review dates");
            Assert.Contains("does not replace advice", page.QuerySelector("#page-note")!.TextContent, StringComparison.Ordinal);
        }
    }
}
