using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using StaticSite.Tests.Browser;
using StaticSite.Tests.Checks;
using StaticSite.Tests.Support;

namespace StaticSite.Tests;

/// <summary>
/// The accessibility statement (input/accessibility.md) in the GOV.UK pattern: linked from every
/// footer, and true to the test suite. Each way of testing it names is tied here to the test
/// that does it, so deleting that test breaks this one (and the build, through nameof).
/// </summary>
public sealed partial class AccessibilityStatementTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private const string StatementPage = "accessibility/index.html";
    private const string StatementHref = "/accessibility/";

    /// <summary>What the statement says the tests do, in its words, and the test that does it.</summary>
    public static TheoryData<string, string, string> Claims => new()
    {
        { "run axe", nameof(AccessibilityTests), nameof(AccessibilityTests.Every_page_has_no_axe_violations) },
        { "run axe", nameof(ComponentAccessibilityTests), nameof(ComponentAccessibilityTests.Every_component_state_has_no_axe_violations) },
        { "in light and dark mode", nameof(AccessibilityTests), nameof(AccessibilityTests.Every_page_has_no_axe_violations) },
        { "Nu Html Checker", nameof(HtmlValidityTests), nameof(HtmlValidityTests.The_nu_html_checker_finds_nothing_wrong_in_any_page) },
        { "compare what a screen reader is told about each type of page with a copy a person has checked", nameof(AriaSnapshotTests), nameof(AriaSnapshotTests.The_outline_of_each_page_type_is_what_was_reviewed) },
        { "320 pixels wide without scrolling sideways", nameof(LayoutTests), nameof(LayoutTests.Every_page_reflows_at_320_css_pixels_without_horizontal_scrolling) },
        { "zooming in to 400 %", nameof(LayoutTests), nameof(LayoutTests.Every_page_reflows_at_320_css_pixels_without_horizontal_scrolling) },
        { "text can be made twice as big", nameof(LayoutTests), nameof(LayoutTests.Every_page_reflows_with_text_at_200_percent_in_a_640_pixel_window) },
        { "each picture keeps its space while it loads", nameof(FigureBrowserTests), nameof(FigureBrowserTests.Images_keep_their_space_while_they_load_so_nothing_moves) },
        { "words in each diagram stand out clearly from their background", nameof(StaticSite.Tests.Images.DiagramTests), nameof(StaticSite.Tests.Images.DiagramTests.Text_is_at_least_7_to_1_against_every_fill_and_lines_3_to_1_against_what_they_cross) },
        { "extra space between letters, words, lines and paragraphs", nameof(TextSpacingTests), nameof(TextSpacingTests.With_wcag_text_spacing_no_text_is_clipped_or_overlaps_and_nothing_scrolls_sideways_at_320_px) },
        { "switch on forced colours", nameof(ForcedColoursTests), nameof(ForcedColoursTests.Checkboxes_card_borders_urgency_words_links_and_focus_stay_visible_on_every_page) },
        { "with the Tab key", nameof(KeyboardTests), nameof(KeyboardTests.Every_tab_stop_on_the_article_shows_focus_that_nothing_covers) },
        { "\"Skip to main content\" link on every page", nameof(KeyboardTests), nameof(KeyboardTests.The_first_tab_shows_the_skip_link_and_enter_moves_focus_to_main) },
        { "switch JavaScript off", nameof(NoScriptTests), nameof(NoScriptTests.Every_page_shows_the_same_content_with_javascript_off) },
        { "Lynx, a text-only browser", nameof(TextBrowserTests), nameof(TextBrowserTests.The_soleus_article_reads_in_order_with_tickable_boxes_and_worded_urgency) },
        { "print an article", nameof(PrintTests), nameof(PrintTests.The_article_prints_its_content_without_navigation_on_at_most_8_a4_pages) },
        { "search with the keyboard alone", nameof(SearchTests), nameof(SearchTests.Results_are_reached_with_tab_in_order_show_more_moves_focus_to_the_next_and_escape_clears) },
        { "how many results there are", nameof(SearchTests), nameof(SearchTests.Typing_shows_results_as_links_with_descriptions_under_a_heading_whose_count_the_live_region_announces) },
    };

    /// <summary>Browser tests that are not promises to disabled readers, so the statement need not name them.</summary>
    private static readonly string[] NotAccessibilityPromises =
    [
        nameof(ChecklistScriptTests), // the script's extras: remembered ticks, "Print this checklist"
        nameof(CspTests),             // security: the strict Content-Security-Policy
        nameof(PreviewBasePathTests), // the authors' preview (serve) following a base_path edit
        nameof(PreviewErrorPanelTests), // the authors' preview (serve), never published to readers
        nameof(SearchScaleTests),     // speed: how many files a search fetches on a very large site
    ];

    private IDocument Statement => fixture.Site.Page(StatementPage);

    private string Text => Whitespace().Replace(Statement.QuerySelector("main")!.TextContent, " ");

    [Fact]
    public void Every_page_links_to_the_statement_from_its_footer()
    {
        Assert.True(fixture.Site.Result.Succeeded, fixture.Site.Errors);
        var missing = fixture.Site.ContentPages
            .Where(p => p.Value.QuerySelectorAll("footer a").All(a => a.GetAttribute("href") != StatementHref || a.TextContent.Trim() != "Accessibility statement"))
            .Select(p => p.Key)
            .ToList();
        Assert.True(missing.Count == 0, "no footer link to the accessibility statement on: " + string.Join(", ", missing));
        Assert.Equal("page", Statement.QuerySelector($"footer a[href='{StatementHref}']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public void The_statement_is_about_the_site_not_part_of_the_library_on_the_home_page()
    {
        var home = fixture.Site.Page("index.html").QuerySelector("main")!;
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == StatementHref);
    }

    [Fact]
    public void The_statement_follows_the_gov_uk_pattern_and_names_the_standard_and_the_date_last_tested()
    {
        Assert.Equal("Accessibility statement", Statement.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(
            ["How accessible this website is", "How we test this website", "What is not perfect yet", "Reporting a problem with this website"],
            Statement.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Web Content Accessibility Guidelines version 2.2 at level AA", Text, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.2 AA", Text, StringComparison.Ordinal);

        var tested = LastTested().Match(Text);
        Assert.True(tested.Success, "the statement must say when the tests last passed: 'These tests last passed on 30 November 2026.'");
        Assert.True(DateOnly.TryParseExact(tested.Groups[1].Value, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            $"'{tested.Groups[1].Value}' is not a date such as 30 November 2026");
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void Each_way_of_testing_the_statement_names_is_a_test_in_this_suite(string words, string testClass, string testMethod)
    {
        Assert.Contains(words, Text, StringComparison.Ordinal);
        var type = typeof(AccessibilityStatementTests).Assembly.GetTypes().Single(t => t.Name == testClass);
        var method = type.GetMethod(testMethod);
        Assert.True(method?.GetCustomAttribute<FactAttribute>() is not null, $"{testClass}.{testMethod} is not a test");
    }

    [Fact]
    public void Every_browser_test_class_is_named_in_the_statement_or_is_not_an_accessibility_promise()
    {
        // A new kind of browser check is a new promise to readers: say it in the statement
        // (and add it to Claims above), or list it as not a promise.
        var claimed = Claims.Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        var unnamed = typeof(BrowserFixture).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<CollectionAttribute>() is not null && t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute) && (string?)a.ConstructorArguments[0].Value == BrowserCollection.Name))
            .Select(t => t.Name)
            .Where(name => !claimed.Contains(name) && !NotAccessibilityPromises.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unnamed.Count == 0, "browser tests the accessibility statement does not mention: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void The_statement_is_plain_english_with_no_build_warnings()
    {
        Assert.DoesNotContain(fixture.Site.Result.Diagnostics, d => d.Path == "input/accessibility.md");
        var prose = Statement.QuerySelectorAll("main p, main li").Select(e => e.TextContent);
        var score = StaticSite.Markdown.Readability.Score(prose);
        Assert.True(score.ReadingEase >= 70, $"reading ease {score.ReadingEase:0.0}, below the site's 70");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"These tests last passed on (\d{1,2} [A-Z][a-z]+ \d{4})\.")]
    private static partial Regex LastTested();
}
