using Microsoft.Playwright;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// <c>serve</c> as an author meets it when they edit base_path in site.yml: the open page
/// goes by itself to the same page under the new path (its old address is gone), under the
/// production policy of netlify.toml, with no policy violation on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewBasePathTests(BrowserFixture browser)
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
        """;

    [BrowserFact]
    public async Task An_open_page_follows_a_new_base_path_to_the_same_page()
    {
        using var site = new FixtureSite();
        File.Copy(Path.Combine(Repo.Root, "netlify.toml"), Path.Combine(site.Root, "netlify.toml"));
        using var preview = PreviewServer.Start(new PreviewOptions { Build = site.Options(), Port = 0 }, _ => { }, TextWriter.Null);
        var origin = preview.RootUrl.TrimEnd('/');
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        await page.GotoAsync(origin + "/guide/article/#main");
        await WaitForReloadStreamAsync(preview);

        var siteYml = Path.Combine(site.Root, "input", "site.yml");
        await File.WriteAllTextAsync(siteYml, await File.ReadAllTextAsync(siteYml) + "base_path: /moved/\n");

        await page.WaitForURLAsync(origin + "/moved/guide/article/#main", new() { Timeout = 90_000 });
        Assert.Equal("An article", (await page.Locator("h1").InnerTextAsync()).Trim());
        // The moved page is live too: it opened its stream under the new path.
        await WaitForReloadStreamAsync(preview);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }

    private static async Task WaitForReloadStreamAsync(PreviewServer preview)
    {
        for (var i = 0; i < 300 && preview.LiveReload.OpenStreams == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(preview.LiveReload.OpenStreams > 0, "the page never opened its live-reload stream");
    }
}
