using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Windows high contrast and other forced colours (WCAG 1.4.11 in that mode): the browser
/// throws away the theme's colours and backgrounds, so every box, border, link and focus ring
/// must be drawn by something that survives. Checked by computed style on every page and the
/// component fixture pages, with screenshots kept as test artefacts for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ForcedColoursTests(BrowserFixture browser, ComponentSite components, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Checkboxes_card_borders_urgency_words_links_and_focus_stay_visible_on_every_page()
    {
        await using var context = await browser.NewContextAsync(forcedColors: ForcedColors.Active);
        var problems = (await browser.CheckEveryPageAsync(context, (page, _) => CheckAsync(page))).ToList();
        foreach (var path in new[] { ComponentSite.Components, ComponentSite.GlossaryLink })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(components.Url(path));
            problems.AddRange((await CheckAsync(page)).Select(p => $"fixture /{path}: {p}"));
            await page.CloseAsync();
        }

        ProblemReport.AssertNone(problems, "things that vanish in forced colours");
    }

    [BrowserFact]
    public async Task Screenshots_of_the_components_and_the_article_in_forced_colours_are_kept()
    {
        await using var context = await browser.NewContextAsync(forcedColors: ForcedColors.Active);
        var page = await context.NewPageAsync();
        await page.GotoAsync(components.Url(ComponentSite.Components));
        // A ticked box, and keyboard focus on the next one, so both states are in the picture.
        await page.Locator("fieldset.checklist li:first-child label").First.ClickAsync();
        var second = page.Locator("fieldset.checklist input").Nth(1);
        await second.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.id");
        Assert.Equal(await second.GetAttributeAsync("id"), focused);
        await SaveAsync(page, "forced-colours-components.png");

        await page.GotoAsync(browser.Url("leg-and-knee/soleus-pain-when-running/"));
        await SaveAsync(page, "forced-colours-article.png");
    }

    private async Task SaveAsync(IPage page, string name)
    {
        var file = Artefacts.PathFor(name);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is too small to be a screenshot of the page");
        output.WriteLine($"screenshot: {file}");
    }

    [BrowserFact]
    public async Task The_check_finds_a_theme_box_a_missing_border_a_hidden_link_hidden_urgency_and_no_focus_ring()
    {
        // A test that cannot fail proves nothing: undo what the theme does for forced colours.
        await using var context = await browser.NewContextAsync(forcedColors: ForcedColors.Active);
        var page = await context.NewPageAsync();
        await page.GotoAsync(components.Url(ComponentSite.Components));
        await page.AddStyleTagAsync(new()
        {
            Content = """
                .checklist__box { appearance: none !important; }
                .care-card__heading { border-bottom: 0 !important; }
                .related a { forced-color-adjust: none; color: #eee !important; }
                :focus-visible { outline: none !important; }
                .care-card__heading .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; }
                """,
        });

        var problems = string.Join('\n', await CheckAsync(page));

        Assert.Contains("is drawn by the theme (appearance: none)", problems, StringComparison.Ordinal);
        Assert.Contains("care-card__heading has no visible bottom border", problems, StringComparison.Ordinal);
        Assert.Contains("link \"An article\"", problems, StringComparison.Ordinal);
        Assert.Contains("has no visible focus ring", problems, StringComparison.Ordinal);
        Assert.Contains("the urgency words \"Urgent advice:\" are hidden", problems, StringComparison.Ordinal);
    }

    private static async Task<IEnumerable<string>> CheckAsync(IPage page)
    {
        var problems = new List<string>(await page.EvaluateAsync<string[]>(Styles));
        // One real Tab first: after a key press, focus() moved by script shows the ring the way
        // keyboard focus does (:focus-visible), so every stop can be visited in one script.
        await page.Keyboard.PressAsync("Tab");
        problems.AddRange(await page.EvaluateAsync<string[]>(FocusRings));
        return problems;
    }

    // Colours as the browser computes them in forced colours mode, where every author colour is
    // already replaced by a system colour: a thing is visible when its colour stands out from the
    // background behind it by 3:1 (WCAG 1.4.11), and text links by 4.5:1.
    private const string Colour = """
        const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
        const opaque = c => { const v = rgb(c); return v.length >= 3 && (v.length < 4 || v[3] > 0); };
        const luminance = c => {
            const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const canvas = (() => {
            const probe = document.createElement('div');
            probe.style.backgroundColor = 'Canvas';
            document.body.appendChild(probe);
            const c = getComputedStyle(probe).backgroundColor;
            probe.remove();
            return c;
        })();
        const backgroundOf = e => {
            for (; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (opaque(c)) return c;
            }
            return canvas;
        };
        const describe = e => `${e.localName}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/)[0] : ''}`;
        """;

    private const string Styles = "() => {" + Colour + """
            if (!matchMedia('(forced-colors: active)').matches) return ['forced colours are not active: the test would prove nothing'];
            const problems = [];
            const borderProblems = (e, sides) => sides.flatMap(side => {
                const s = getComputedStyle(e);
                const style = s[`border${side}Style`], width = parseFloat(s[`border${side}Width`]), colour = s[`border${side}Color`];
                const behind = backgroundOf(e.parentElement);
                return style === 'none' || style === 'hidden' || width < 1 || contrast(colour, behind) < 3
                    ? [`${describe(e)} has no visible ${side.toLowerCase()} border (${style} ${width}px ${colour} on ${behind})`]
                    : [];
            });
            const all = ['Top', 'Right', 'Bottom', 'Left'];

            // The checked state of the theme's own box is a fill, and forced colours remove fills:
            // the box must be the system's own checkbox, which draws its box and tick in system colours.
            for (const box of document.querySelectorAll('input[type=checkbox]')) {
                const s = getComputedStyle(box);
                if (s.appearance === 'none') problems.push(`${describe(box)} is drawn by the theme (appearance: none), so its tick would vanish`);
                const r = box.getBoundingClientRect();
                if (r.width < 24 || r.height < 24) problems.push(`${describe(box)} is ${r.width}x${r.height} px, smaller than 24x24`);
            }

            // Card, checklist and steps shapes come from backgrounds on screen; here only borders show them.
            for (const card of document.querySelectorAll('.care-card')) {
                problems.push(...borderProblems(card, all));
                problems.push(...borderProblems(card.querySelector('.care-card__heading'), ['Bottom']));
            }
            for (const box of document.querySelectorAll('.checklist, .steps')) problems.push(...borderProblems(box, ['Left']));

            // Without colour, a care card's level must be in words a sighted reader sees too.
            for (const words of document.querySelectorAll('.care-card__heading .visually-hidden')) {
                const r = words.getBoundingClientRect();
                if (r.width <= 1 || r.height <= 1) problems.push(`the urgency words "${words.textContent.trim()}" are hidden, and colour no longer shows the level`);
            }

            // Links: in the link colour, which must stand out from the background and from the text.
            for (const link of document.querySelectorAll('a[href]')) {
                if (!link.checkVisibility({ visibilityProperty: true }) || link.closest('.visually-hidden, .skip-link')) continue;
                const s = getComputedStyle(link);
                const behind = backgroundOf(link);
                if (contrast(s.color, behind) < 4.5) problems.push(`link "${link.textContent.trim().slice(0, 30)}" is ${s.color} on ${behind}`);
                const text = getComputedStyle(link.parentElement).color;
                if (s.color === text && !s.textDecorationLine.includes('underline')) problems.push(`link "${link.textContent.trim().slice(0, 30)}" looks like the text around it`);
            }
            return problems;
        }
        """;

    private const string FocusRings = "() => {" + Colour + """
            const problems = [];
            for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
                if (!e.checkVisibility({ visibilityProperty: true }) && !e.classList.contains('skip-link')) continue;
                e.focus();
                const name = `${describe(e)} "${(e.textContent || '').trim().slice(0, 30)}"`;
                if (document.activeElement !== e) { problems.push(`${name} cannot take focus`); continue; }
                if (!e.matches(':focus-visible')) { problems.push(`${name} does not show keyboard focus (:focus-visible)`); continue; }
                const s = getComputedStyle(e);
                const behind = backgroundOf(e.parentElement);
                const width = parseFloat(s.outlineWidth);
                if (s.outlineStyle === 'none' || width < 2 || contrast(s.outlineColor, behind) < 3) {
                    problems.push(`focus on ${name} has no visible focus ring (outline ${s.outlineStyle} ${width}px ${s.outlineColor} on ${behind})`);
                }
            }
            return problems;
        }
        """;
}
