namespace StaticSite.Tests.Browser;

/// <summary>JavaScript is an enhancement: with it switched off every page shows all its content.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserFixture browser)
{
    // The visible text of main, without what the script adds (its buttons) and with runs of
    // whitespace folded, so the two versions of a page compare as text a reader sees.
    private const string VisibleMainText = """
        () => {
            for (const added of document.querySelectorAll('main .checklist__actions, main button')) added.remove();
            return document.querySelector('main').innerText.replace(/\s+/g, ' ').trim();
        }
        """;

    [BrowserFact]
    public async Task Every_page_shows_the_same_content_with_javascript_off()
    {
        var withScript = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await using (var scripted = await browser.NewContextAsync())
        {
            var failures = await browser.CheckEveryPageAsync(scripted, async (page, path) =>
            {
                withScript[path] = await page.EvaluateAsync<string>(VisibleMainText);
                return [];
            });
            ProblemReport.AssertNone(failures, "pages that failed to load with JavaScript");
        }

        await using var plain = await browser.NewContextAsync(javaScript: false);
        var problems = await browser.CheckEveryPageAsync(plain, async (page, path) =>
        {
            // The search page is the one page the script changes on purpose: without it the page
            // says search needs JavaScript, and SearchTests checks what it shows instead.
            if (path == "search/")
            {
                return [];
            }

            // With JavaScript off Playwright's evaluate still works (it runs in the page through
            // the DevTools protocol, not as a page script), so the same measurement applies.
            var text = await page.EvaluateAsync<string>(VisibleMainText);
            var problems = new List<string>();
            if (text.Length < 200)
            {
                problems.Add($"main shows only {text.Length} characters without JavaScript");
            }

            if (text != withScript[path])
            {
                problems.Add($"main shows {text.Length} characters without JavaScript and {withScript[path].Length} with it; first difference at {FirstDifference(text, withScript[path])}");
            }

            var boxes = page.Locator("main input[type=checkbox]");
            var count = await boxes.CountAsync();
            var expected = browser.Site.Page(OutputPath(path)).QuerySelectorAll("main input[type=checkbox]").Length;
            if (count != expected)
            {
                problems.Add($"{count} checkboxes without JavaScript, {expected} in the HTML");
            }

            if (count > 0)
            {
                // A reader ticks by clicking the words, the big target, not the box.
                var label = page.Locator($"label[for=\"{await boxes.First.GetAttributeAsync("id")}\"]");
                await label.ClickAsync();
                if (!await boxes.First.IsCheckedAsync())
                {
                    problems.Add("clicking the first checklist label did not tick its box");
                }

                await boxes.Last.ClickAsync();
                if (!await boxes.Last.IsCheckedAsync())
                {
                    problems.Add("clicking the last checkbox did not tick it");
                }
            }

            return problems;
        });

        ProblemReport.AssertNone(problems, "content missing without JavaScript");
    }

    private static string OutputPath(string urlPath) =>
        urlPath.Length == 0 || urlPath.EndsWith('/') ? urlPath + "index.html" : urlPath;

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return $"character {i}: \"{a[Math.Max(0, i - 20)..Math.Min(a.Length, i + 30)]}\" vs \"{b[Math.Max(0, i - 20)..Math.Min(b.Length, i + 30)]}\"";
    }
}
