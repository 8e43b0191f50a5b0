using Microsoft.Playwright;

namespace StaticSite.Tests.Browser;

/// <summary>
/// What a screen reader is given, kept as reviewed expected files in AriaSnapshots/ and compared
/// on every run (see <see cref="AriaSnapshot"/>). Real pages are kept as their outline
/// (landmarks, links outside the text, headings, checklists, figures), so content edits elsewhere do
/// not churn them; the component fixture pages, which only tests change, are kept whole.
/// To accept an intended change: <c>UPDATE_ARIA_SNAPSHOTS=1 dotnet test --filter AriaSnapshotTests</c>,
/// then review the diff of the .aria.yml files.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AriaSnapshotTests(BrowserFixture browser, ComponentSite components)
{
    /// <summary>
    /// One page of each type of the real site. Chosen to be stable: the soleus article is the
    /// reference article; the hub, A to Z and glossary are kept as outlines, so adding an
    /// article or a term does not change them. A new page type is one line here and one file.
    /// The Activities index and one activity's page are the taxonomy's two page types.
    /// </summary>
    public static TheoryData<string, string> RealPages => new()
    {
        { "home", "" },
        { "hub", "leg-and-knee/" },
        { "a-to-z", "conditions-a-z/" },
        { "article", Article },
        { "glossary", "glossary/" },
        { "not-found", "404.html" },
        { "accessibility-statement", "accessibility/" },
        { "taxonomy", "activity/" },
        { "term", "activity/sprinting/" },
        { "search", "search/" },
    };

    private const string Article = "leg-and-knee/soleus-pain-when-running/";

    [BrowserTheory]
    [MemberData(nameof(RealPages))]
    public async Task The_outline_of_each_page_type_is_what_was_reviewed(string name, string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, browser.Url(path));
        AriaSnapshot.AssertMatches(name, AriaSnapshot.Outline(await BodyAsync(page)),
            $"Outline of /{path} (landmarks, links outside the text, headings, checklists) as Chromium exposes it.");
    }

    /// <summary>The fixture pages, kept whole: they change only when a test changes them. The component page also shows its "Activities" terms.</summary>
    public static TheoryData<string, string> FixturePages => new()
    {
        // Two checklists, a care card of each level, steps, "On this page".
        { "components", ComponentSite.Components },
        // The first "DVT" links to its glossary entry and is spelled out.
        { "glossary-link", ComponentSite.GlossaryLink },
        // The entries the links go to: a definition list of terms.
        { "glossary-entries", "glossary/" },
        // A taxonomy's index (its terms, each with a count) and a term's page (its pages).
        { "taxonomy-terms", "activity/" },
        { "term-pages", "activity/running/" },
    };

    [BrowserTheory]
    [MemberData(nameof(FixturePages))]
    public async Task Every_component_is_exposed_as_was_reviewed(string name, string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, components.Url(path));
        AriaSnapshot.AssertMatches(name, await BodyAsync(page), $"The whole of /{path} on the component fixture site (tests/fixtures/components and warnings/glossary over base).");
    }

    [BrowserFact]
    public async Task The_search_results_state_is_exposed_as_was_reviewed()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, components.Url(ComponentSite.SearchResults));
        await page.Locator("#search__results li").First.WaitForAsync();
        AriaSnapshot.AssertMatches("search-results", await page.Locator("main").AriaSnapshotAsync(),
            $"The main landmark of /{ComponentSite.SearchResults} on the component fixture site once its results are shown: the status, the results heading and list.");
    }

    [BrowserFact]
    public async Task Ticked_checkboxes_are_exposed_as_checked()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, components.Url(ComponentSite.Components));
        // The first item of each checklist, by its label, as a reader ticks it.
        foreach (var label in await page.Locator("fieldset.checklist li:first-child label").AllAsync())
        {
            await label.ClickAsync();
        }

        AriaSnapshot.AssertMatches("components-ticked", AriaSnapshot.Outline(await BodyAsync(page)),
            "Outline of the component fixture page with the first box of each checklist ticked.");
    }

    /// <summary>
    /// The comparison catches what matters: each case removes one thing from the page in the
    /// browser, and the snapshot must then differ from the reviewed file by exactly that line.
    /// Run on the real article's outline and on the whole component page.
    /// </summary>
    [BrowserTheory]
    [InlineData("article", "landmark", "document.querySelector('footer').outerHTML = '<div>' + document.querySelector('footer').innerHTML + '</div>'", "- - contentinfo:")]
    [InlineData("article", "breadcrumb name", "document.querySelector('nav[aria-label=Breadcrumb]').removeAttribute('aria-label')", "- - navigation \"Breadcrumb\":")]
    [InlineData("article", "checkbox name", "document.querySelector('fieldset.checklist label').remove()", "'checkbox \"Aching pain: a mild ache when you rest, and more pain when you use your calf.\"'")]
    [InlineData("article", "care-card urgency", "document.querySelector('.care-card--urgent .visually-hidden').remove()", "'heading \"Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if:\" [level=3]'")]
    [InlineData("article", "diagram's alt text", "document.querySelector('figure img').alt = ''", "'img \"Side view of the lower leg: the soleus lies under the gastrocnemius")]
    [InlineData("components", "landmark", "document.querySelector('footer').outerHTML = '<div>' + document.querySelector('footer').innerHTML + '</div>'", "- - contentinfo:")]
    [InlineData("components", "checkbox name", "document.querySelector('fieldset.checklist label').remove()", "'checkbox \"Aching pain: deep in the calf.\"'")]
    [InlineData("components", "care-card urgency", "document.querySelector('.care-card--emergency .visually-hidden').remove()", "'heading \"Immediate action required: Call 999 if:\" [level=4]'")]
    public async Task Removing_a_landmark_a_checkbox_name_or_an_urgency_word_fails_the_comparison(string snapshot, string removed, string script, string lostLine)
    {
        var expected = AriaSnapshot.Expected(snapshot);
        Assert.True(expected is not null, $"no expected file {AriaSnapshot.PathOf(snapshot)}");
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, snapshot == "article" ? browser.Url(Article) : components.Url(ComponentSite.Components));
        await page.EvaluateAsync($"() => {{ {script}; }}");
        var body = await BodyAsync(page);
        var actual = snapshot == "article" ? AriaSnapshot.Outline(body) : body;

        var diff = AriaSnapshot.Difference(expected!, actual);

        Assert.True(diff is not null, $"removing the {removed} left the {snapshot} snapshot unchanged");
        var lost = diff!.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.True(lost.Any(l => l.Contains(lostLine, StringComparison.Ordinal)),
            $"removing the {removed} should show '{lostLine}' as lost; the diff was:\n{diff}");
    }

    /// <summary>Each test opens its page in a fresh context: the checklist script keeps ticks in localStorage.</summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url);
        Assert.True(response is not null && (response.Ok || response.Status == 404), $"{url}: HTTP {response?.Status}");
        return page;
    }

    private static Task<string> BodyAsync(IPage page) => page.Locator("body").AriaSnapshotAsync();
}
