namespace StaticSite.Tests.Browser;

/// <summary>
/// The checklist script in a real browser: ticks are remembered on this device only, "Clear
/// ticks" forgets them, and "Print this checklist" marks the page for the print stylesheet.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChecklistScriptTests(BrowserFixture browser)
{
    private const string Article = "leg-and-knee/soleus-pain-when-running/";

    [BrowserFact]
    public async Task Ticks_survive_a_reload_and_clear_ticks_forgets_them()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Method + " " + request.Url);
        await page.GotoAsync(browser.Url(Article));

        var first = page.Locator("fieldset.checklist").First;
        await first.GetByLabel("Tightness:").CheckAsync();
        await page.ReloadAsync();
        Assert.True(await first.GetByLabel("Tightness:").IsCheckedAsync());
        Assert.False(await first.GetByLabel("Swelling:").IsCheckedAsync());

        await first.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Clear ticks" }).ClickAsync();
        Assert.False(await first.GetByLabel("Tightness:").IsCheckedAsync());
        await page.ReloadAsync();
        Assert.False(await first.GetByLabel("Tightness:").IsCheckedAsync());

        // Ticks never leave the device: every request is a GET for the page or its own assets.
        Assert.All(requests, r => Assert.StartsWith("GET " + browser.Url(""), r, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Print_this_checklist_marks_that_checklist_and_unmarks_it_after_printing()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Stand in for the print dialog: note what was marked when print() was called.
        await page.AddInitScriptAsync("""
            window.print = () => {
                window.__printed = {
                    body: document.body.classList.contains('printing-checklist'),
                    marked: [...document.querySelectorAll('.checklist--printing legend')].map(l => l.textContent),
                };
                window.dispatchEvent(new Event('afterprint'));
            };
            """);
        await page.GotoAsync(browser.Url(Article));

        await page.Locator("fieldset.checklist").Nth(1).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Print this checklist" }).ClickAsync();

        var printed = await page.EvaluateAsync<Printed>("() => window.__printed");
        Assert.True(printed.Body);
        Assert.Equal(["Less common symptoms of soleus pain"], printed.Marked);
        Assert.Equal(0, await page.Locator(".checklist--printing, body.printing-checklist").CountAsync());
    }

    private sealed class Printed
    {
        public bool Body { get; set; }

        public string[] Marked { get; set; } = [];
    }
}
