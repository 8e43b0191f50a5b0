using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StaticSite.Tests.Browser;

/// <summary>
/// WCAG 1.4.12 text spacing: readers with dyslexia or low vision set wider spacing with their
/// own style sheet or a browser extension. With the spacing the criterion names injected, on
/// every page and the component fixture pages, no text may be cut off or drawn over other text,
/// and nothing may scroll sideways at 320 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TextSpacingTests(BrowserFixture browser, ComponentSite components, ITestOutputHelper output)
{
    /// <summary>The spacing WCAG 1.4.12 lists, as the usual bookmarklet applies it: !important beats the theme.</summary>
    internal const string Wcag1412Spacing = """
        * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }
        """;

    [BrowserFact]
    public async Task With_wcag_text_spacing_no_text_is_clipped_or_overlaps_and_nothing_scrolls_sideways_at_320_px()
    {
        // 320 px: the narrowest width WCAG asks for is where added spacing runs out of room first.
        const int width = 320;
        await using var context = await browser.NewContextAsync(width);
        var problems = (await browser.CheckEveryPageAsync(context, (page, _) => CheckAsync(page))).ToList();
        foreach (var path in new[] { ComponentSite.Components, ComponentSite.GlossaryLink })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(components.Url(path));
            problems.AddRange((await CheckAsync(page)).Select(p => $"fixture /{path}: {p}"));
            if (path == ComponentSite.Components)
            {
                var file = Artefacts.PathFor("text-spacing-components-320.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                output.WriteLine($"screenshot: {file}");
            }

            await page.CloseAsync();
        }

        ProblemReport.AssertNone(problems, $"text spacing problems at {width} px");
    }

    [BrowserFact]
    public async Task The_check_finds_clipped_and_overlapping_text()
    {
        // A test that cannot fail proves nothing: break the component page in the two ways the
        // check looks for, and it must name both.
        await using var context = await browser.NewContextAsync(320);
        var page = await context.NewPageAsync();
        await page.GotoAsync(components.Url(ComponentSite.Components));
        await page.AddStyleTagAsync(new()
        {
            Content = """
                .checklist__legend { height: 1.2em; overflow: hidden; }
                .steps__heading { height: 0.5em; }
                """,
        });
        await page.EvaluateAsync("() => document.querySelector('.checklist__legend').textContent = 'A legend long enough to need more than one line at 320 pixels wide'");

        var problems = string.Join('\n', await CheckAsync(page));

        Assert.Contains("legend.checklist__legend cuts off its text", problems, StringComparison.Ordinal);
        Assert.Contains("overlaps", problems, StringComparison.Ordinal);
        Assert.Contains("Calf stretch", problems, StringComparison.Ordinal);
    }

    private static async Task<IEnumerable<string>> CheckAsync(IPage page)
    {
        await page.AddStyleTagAsync(new() { Content = Wcag1412Spacing });
        var problems = new List<string>(await page.EvaluateAsync<string[]>(LayoutTests.HorizontalOverflow));
        problems.AddRange(await page.EvaluateAsync<string[]>(ClippedOrOverlapping));
        return problems;
    }

    private const string ClippedOrOverlapping = """
        () => {
            const problems = [];
            // Hidden on purpose: the visually hidden words are clipped to 1 px by design, and the
            // skip link until it has focus.
            const hidden = e => e.closest('.visually-hidden, .skip-link:not(:focus)');
            const describe = e => `${e.localName}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''}`;

            // Clipped: a box that hides its overflow while its content is bigger than it.
            for (const e of document.body.querySelectorAll('*')) {
                const s = getComputedStyle(e);
                const clipsX = ['hidden', 'clip'].includes(s.overflowX), clipsY = ['hidden', 'clip'].includes(s.overflowY);
                if (!(clipsX || clipsY || s.textOverflow === 'ellipsis') || hidden(e) || !e.textContent.trim() || !e.checkVisibility({ visibilityProperty: true })) continue;
                if ((clipsX && e.scrollWidth > e.clientWidth + 1) || (clipsY && e.scrollHeight > e.clientHeight + 1)
                    || (s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)) {
                    problems.push(`${describe(e)} cuts off its text: content ${e.scrollWidth}x${e.scrollHeight} px in a box ${e.clientWidth}x${e.clientHeight} px`);
                }
            }

            // Overlapping: every line of every visible text, and every checkbox, as boxes; no two
            // may cover each other. Line boxes are the font's height, less than the 1.5 line
            // height, so lines that merely sit close do not count.
            const boxes = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!node.data.trim() || hidden(parent) || !parent.checkVisibility({ visibilityProperty: true })) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) {
                    if (r.width > 1 && r.height > 1) boxes.push({ r, what: `"${node.data.trim().slice(0, 30)}" in ${describe(parent)}` });
                }
            }
            for (const input of document.querySelectorAll('input')) {
                if (input.checkVisibility()) boxes.push({ r: input.getBoundingClientRect(), what: describe(input) });
            }
            // Sorted by top, each box is compared only with those that start above its bottom.
            boxes.sort((a, b) => a.r.top - b.r.top);
            const overlaps = [];
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom; j++) {
                    const a = boxes[i].r, b = boxes[j].r;
                    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (x > 1 && y > 1) overlaps.push(`${boxes[i].what} overlaps ${boxes[j].what} by ${Math.round(x)}x${Math.round(y)} px`);
                }
            }
            return problems.concat(overlaps.slice(0, 10));
        }
        """;
}
