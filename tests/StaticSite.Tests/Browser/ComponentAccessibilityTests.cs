using Microsoft.Playwright;

namespace StaticSite.Tests.Browser;

/// <summary>
/// axe on every component in every state it has, from the component fixture pages: checklists
/// unticked and ticked, a care card of each level, steps, a figure, "On this page", a glossary link, a
/// taxonomy's index and term page, and search results;
/// wide in light mode and narrow in dark mode. (The real pages get the same run in <see cref="AccessibilityTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComponentAccessibilityTests(BrowserFixture browser, ComponentSite components)
{
    /// <summary>Each state of the fixture pages: (name, page, script that puts it in that state).</summary>
    public static TheoryData<string, string, string> States => new()
    {
        { "components, nothing ticked", ComponentSite.Components, "" },
        { "components, every box ticked", ComponentSite.Components, "document.querySelectorAll('input[type=checkbox]').forEach(b => b.click())" },
        { "figure, scrolled into view", ComponentSite.Components, "document.querySelector('figure').scrollIntoView()" },
        { "glossary link", ComponentSite.GlossaryLink, "" },
        { "taxonomy index", "activity/", "" },
        { "term page", "activity/running/", "" },
        { "search results", ComponentSite.SearchResults, "" },
    };

    [BrowserTheory]
    [MemberData(nameof(States))]
    public async Task Every_component_state_has_no_axe_violations(string state, string path, string script)
    {
        var problems = new List<string>();
        // Wide and light, narrow and dark: the two ends. (Every real page gets all four in AccessibilityTests.)
        foreach (var (width, scheme) in new[] { (1280, ColorScheme.Light), (320, ColorScheme.Dark) })
        {
            await using var context = await browser.NewContextAsync(width, scheme);
            await Axe.InstallAsync(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync(components.Url(path));
            if (script.Length > 0)
            {
                await page.EvaluateAsync($"() => {{ {script}; }}");
            }

            if (path == ComponentSite.SearchResults)
            {
                await page.Locator("#search__results li").First.WaitForAsync();
            }

            if (path == ComponentSite.Components)
            {
                var ticked = await page.Locator("input:checked").CountAsync();
                Assert.Equal(state.Contains("every box ticked", StringComparison.Ordinal) ? 4 : 0, ticked);
            }

            var result = await Axe.RunAsync(page, AccessibilityTests.Options);
            problems.AddRange(result.Violations.Select(v => $"{width} px {scheme}: {AccessibilityTests.Describe(v)}"));
        }

        ProblemReport.AssertNone(problems, $"axe violations, {state}");
    }
}
