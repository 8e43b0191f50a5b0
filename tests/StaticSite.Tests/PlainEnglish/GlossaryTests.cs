using AngleSharp.Dom;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.PlainEnglish;

/// <summary>The glossary fixture built for real and read back with AngleSharp.</summary>
public sealed class GlossaryTests : IDisposable
{
    private readonly FixtureSite _fixture = new("glossary", "warnings");
    private readonly BuiltSite _site;

    public GlossaryTests()
    {
        _site = new BuiltSite(_fixture.Root);
        Assert.True(_site.Result.Succeeded, _site.Errors);
    }

    private IElement Main(string page) => _site.Page(page).QuerySelector("main")!;

    [Fact]
    public void The_first_use_of_an_abbreviation_links_to_its_entry_and_is_expanded()
    {
        var paragraph = Main("guide/terms/index.html").QuerySelector("p")!;
        var links = paragraph.QuerySelectorAll("a[href^='/glossary/']").ToList();

        Assert.Equal(["/glossary/#term-dvt", "/glossary/#term-tendon"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("deep vein thrombosis", links[0].QuerySelector("abbr")!.GetAttribute("title"));
        Assert.StartsWith("A DVT (deep vein thrombosis) can follow a long journey.", paragraph.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("Another DVT is not linked again.", paragraph.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_and_later_uses_are_left_alone()
    {
        var main = Main("guide/terms/index.html");

        Assert.Empty(main.QuerySelectorAll("h2 a"));
        Assert.Equal(2, main.QuerySelectorAll("a[href^='/glossary/']").Length);
    }

    [Fact]
    public void An_abbreviation_the_author_expanded_is_not_expanded_twice()
    {
        var paragraph = Main("guide/expanded/index.html").QuerySelector("p")!;

        Assert.Equal("Deep vein thrombosis (DVT) is a clot. Some people get two DVTs.", paragraph.TextContent);
        Assert.Equal("/glossary/#term-dvt", paragraph.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_glossary_page_defines_every_term_once_in_a_to_z_order()
    {
        var entries = Main("glossary/index.html").QuerySelectorAll("dl.glossary > div").ToList();

        Assert.Equal(["term-dvt", "term-ligament", "term-tendon"], entries.Select(e => e.Id));
        Assert.Equal("DVT (deep vein thrombosis)", entries[0].QuerySelector("dt")!.TextContent);
        Assert.Equal("A tough cord that joins a muscle to a bone.", entries[2].QuerySelector("dd")!.TextContent);
        Assert.Equal("Glossary", _site.Page("glossary/index.html").QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void Every_glossary_link_goes_to_an_entry_that_exists()
    {
        var ids = Main("glossary/index.html").QuerySelectorAll("[id]").Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var fragments = _site.Pages.Values
            .SelectMany(p => p.QuerySelectorAll("a[href^='/glossary/#']"))
            .Select(a => a.GetAttribute("href")!["/glossary/#".Length..])
            .ToList();

        Assert.NotEmpty(fragments);
        Assert.All(fragments, f => Assert.Contains(f, ids));
    }

    [Fact]
    public void A_letter_that_only_unicode_case_rules_pair_still_links_to_its_entry()
    {
        // The matcher ignores case by Unicode's rules, so the Kelvin sign (U+212A) matches k; the
        // entry lookup once used OrdinalIgnoreCase, which does not, and the page threw KeyNotFoundException.
        using var fixture = new FixtureSite();
        fixture.Write("input/glossary.yml", "terms:\n  - term: knee\n    definition: The joint in the middle of the leg.\n");
        fixture.Write("input/guide/article.md", File.ReadAllText(Path.Combine(fixture.Root, "input", "guide", "article.md")) + "\n\nMy \u212Anee hurts.\n");
        using var site = new BuiltSite(fixture.Root);

        Assert.True(site.Result.Succeeded, site.Errors);
        var link = site.Page("guide/article/index.html").QuerySelector("main a[href^='/glossary/']")!;
        Assert.Equal(("/glossary/#term-knee", "\u212Anee"), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public void The_glossary_data_file_is_not_published()
    {
        Assert.False(File.Exists(Path.Combine(_site.Output, "glossary.yml")));
    }

    public void Dispose()
    {
        _site.Dispose();
        _fixture.Dispose();
    }
}
