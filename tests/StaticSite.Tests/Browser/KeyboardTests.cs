using Microsoft.Playwright;

namespace StaticSite.Tests.Browser;

/// <summary>Keyboard use: the skip link, and a focus indicator on every stop that nothing covers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_first_tab_shows_the_skip_link_and_enter_moves_focus_to_main()
    {
        await using var context = await browser.NewContextAsync(width: 320);
        var problems = await browser.CheckEveryPageAsync(context, async (page, _) =>
        {
            var problems = new List<string>();
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusedElement>(DescribeFocus);
            if (!focused.Classes.Contains("skip-link", StringComparison.Ordinal))
            {
                problems.Add($"the first Tab focused <{focused.Tag} class=\"{focused.Classes}\">, not the skip link");
            }
            else if (!focused.OnScreen || focused.Height < 24)
            {
                problems.Add($"the focused skip link is not visible on screen (height {focused.Height} px)");
            }

            await page.Keyboard.PressAsync("Enter");
            var active = await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
            if (active != "main")
            {
                problems.Add($"Enter on the skip link left focus on '{active}', not on main");
            }

            return problems;
        });
        ProblemReport.AssertNone(problems, "skip link problems");
    }

    [BrowserTheory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Every_tab_stop_on_the_article_shows_focus_that_nothing_covers(int width)
    {
        await using var context = await browser.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url("leg-and-knee/soleus-pain-when-running/"));
        var stops = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').length");
        Assert.True(stops > 20, $"expected the article to have many tab stops, found {stops}");

        // Forwards, then backwards: going back up the page is when a sticky header would cover
        // the focused element, because the browser scrolls it to the top edge.
        var problems = new List<string>();
        for (var i = 0; i < 2 * stops - 1; i++)
        {
            await page.Keyboard.PressAsync(i < stops ? "Tab" : "Shift+Tab");
            var focused = await page.EvaluateAsync<FocusedElement>(DescribeFocus);
            var name = $"{(i < stops ? "tab" : "shift+tab")} stop {(i < stops ? i + 1 : 2 * stops - 1 - i)} <{focused.Tag}> \"{focused.Text}\"";
            if (!focused.HasIndicator)
            {
                problems.Add($"{name} shows no focus indicator (outline {focused.Outline}, box-shadow {focused.BoxShadow})");
            }

            if (!focused.OnScreen)
            {
                problems.Add($"{name} is focused off screen");
            }
            else if (!focused.Uncovered)
            {
                problems.Add($"{name} is covered by {focused.CoveredBy}");
            }
        }

        ProblemReport.AssertNone(problems, $"focus problems at {width} px");
    }

    private const string DescribeFocus = """
        () => {
            const e = document.activeElement;
            const r = e.getBoundingClientRect();
            const s = getComputedStyle(e);
            // A link that wraps has one box per line: probe the middle of its first line.
            const first = e.getClientRects()[0] || r;
            const x = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
            const y = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
            const top = document.elementFromPoint(x, y);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !/rgba\(.*, 0\)$/.test(s.outlineColor);
            return {
                tag: e.localName,
                classes: e.className || '',
                text: (e.textContent || e.id || '').trim().slice(0, 40),
                height: r.height,
                onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0,
                uncovered: top !== null && (e === top || e.contains(top)),
                coveredBy: top ? top.localName + (top.className ? '.' + top.className : '') : 'nothing',
                hasIndicator: outline || s.boxShadow !== 'none',
                outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                boxShadow: s.boxShadow,
            };
        }
        """;

    /// <summary>What the page reports about document.activeElement (Playwright needs setters).</summary>
    private sealed class FocusedElement
    {
        public string Tag { get; set; } = "";
        public string Classes { get; set; } = "";
        public string Text { get; set; } = "";
        public double Height { get; set; }
        public bool OnScreen { get; set; }
        public bool Uncovered { get; set; }
        public string CoveredBy { get; set; } = "";
        public bool HasIndicator { get; set; }
        public string Outline { get; set; } = "";
        public string BoxShadow { get; set; } = "";
    }
}
