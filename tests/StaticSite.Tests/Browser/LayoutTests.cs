namespace StaticSite.Tests.Browser;

/// <summary>Reflow (WCAG 1.4.10), text resize (1.4.4) and line length, on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    /// <summary>Script: nothing, or why the page scrolls sideways and which elements stick out (also used by <see cref="TextSpacingTests"/>).</summary>
    internal const string HorizontalOverflow = """
        () => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return [];
            // Name the culprits: elements whose right edge passes the viewport.
            return [`scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`].concat(
                [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
                    .slice(0, 5)
                    .map(e => `${e.localName}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''} ends at ${Math.round(e.getBoundingClientRect().right)} px`));
        }
        """;

    [BrowserFact]
    public async Task Every_page_reflows_at_320_css_pixels_without_horizontal_scrolling()
    {
        // 320 CSS px is a 1280 px window zoomed to 400 %, the width WCAG 1.4.10 names.
        await using var context = await browser.NewContextAsync(width: 320);
        var problems = await browser.CheckEveryPageAsync(context, (page, _) => page.EvaluateAsync<string[]>(HorizontalOverflow).ContinueWith(t => (IEnumerable<string>)t.Result));
        ProblemReport.AssertNone(problems, "pages scroll sideways at 320 px");
    }

    [BrowserFact]
    public async Task Every_page_reflows_with_text_at_200_percent_in_a_640_pixel_window()
    {
        // Text zoom as readers do it: Chrome's font-size setting (Firefox's "zoom text only",
        // Safari's text size) doubles the default 16 px to 32 px while the window stays put;
        // the theme sizes everything in rem, so all of it must grow and still reflow. CDP's
        // Page.setFontSizes is exactly that setting. 640 px is a 1280 px window at 200 % page zoom,
        // so this is the harder case of both zooms at once. Setting html's font-size by script
        // would be simpler, but Chromium then computes rem lazily and some elements keep the old
        // size; deviceScaleFactor only changes pixel density, so it proves nothing about reflow.
        await using var context = await browser.NewContextAsync(width: 640);
        var problems = await browser.CheckEveryPageAsync(context, async (page, _) =>
        {
            var problems = (await page.EvaluateAsync<string[]>(HorizontalOverflow)).ToList();
            var size = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
            if (size < 32)
            {
                problems.Add($"body text is {size} px with text zoomed to 200 %; it should follow the reader's font size");
            }

            return problems;
        },
        beforeLoad: async page =>
        {
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Page.setFontSizes", new Dictionary<string, object>
            {
                ["fontSizes"] = new Dictionary<string, object> { ["standard"] = 32, ["fixed"] = 26 },
            });
        });
        ProblemReport.AssertNone(problems, "pages scroll sideways with text at 200 %");
    }

    [BrowserFact]
    public async Task Lines_of_body_text_are_no_longer_than_70_characters_on_a_wide_screen()
    {
        await using var context = await browser.NewContextAsync(width: 1280);
        var problems = await browser.CheckEveryPageAsync(context, (page, _) => page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                for (const element of document.querySelectorAll('main p, main li, main legend, main label')) {
                    if (!element.checkVisibility()) continue;
                    // 70ch is 70 times the width of "0" in the element's own font.
                    const probe = document.createElement('span');
                    probe.textContent = '0'.repeat(70);
                    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
                    element.appendChild(probe);
                    const limit = probe.getBoundingClientRect().width;
                    probe.remove();
                    const style = getComputedStyle(element);
                    const width = element.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    if (width > limit + 1) problems.push(`${element.localName} "${element.textContent.trim().slice(0, 30)}…" is ${Math.round(width)} px wide, 70ch is ${Math.round(limit)} px`);
                }
                return problems.slice(0, 5);
            }
            """).ContinueWith(t => (IEnumerable<string>)t.Result));
        ProblemReport.AssertNone(problems, "text blocks wider than 70ch");
    }
}
