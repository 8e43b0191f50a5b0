using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// <c>serve</c> as an author meets it, in Chromium, with the production headers of
/// netlify.toml: a save that breaks the build puts the errors at the top of the open page by
/// itself (live reload under the strict policy), the panel passes axe in light, dark and at
/// 320 px with no policy violation, and the next good save takes it away again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewErrorPanelTests(BrowserFixture browser)
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
        """;

    private static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
        Rules = new Dictionary<string, RuleOptions> { ["color-contrast-enhanced"] = new() { Enabled = true } },
        ResultTypes = [ResultType.Violations],
    };

    [BrowserFact]
    public async Task A_broken_build_shows_an_accessible_panel_under_the_strict_policy_and_a_fix_removes_it()
    {
        using var site = new FixtureSite();
        File.Copy(Path.Combine(Repo.Root, "netlify.toml"), Path.Combine(site.Root, "netlify.toml"));
        using var preview = PreviewServer.Start(new PreviewOptions { Build = site.Options(), Port = 0 }, _ => { }, TextWriter.Null);
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (console)
            {
                console.Add($"page error: {error}");
            }
        };

        var response = await page.GotoAsync(preview.RootUrl + "guide/article/");
        Assert.NotNull(response);
        Assert.Contains("default-src 'none'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await WaitForReloadStreamAsync(preview);
        Assert.Empty((await Axe.RunAsync(page, AxeOptions)).Violations);

        // Break the site: the open page reloads by itself and shows the error.
        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "broken-link"), site.Root);
        var panel = await page.WaitForSelectorAsync(".preview-errors", new() { Timeout = 90_000 });
        Assert.NotNull(panel);
        Assert.Equal(
            "input/guide/links.md:9:5 LINK001 link 'missing.md' goes to no page: input/guide/missing.md does not exist",
            (await page.Locator(".preview-errors [role=alert] li").InnerTextAsync()).Trim());
        Assert.Equal("The site did not build: 1 error", await page.GetByRole(AriaRole.Heading, new() { Name = "The site did not build: 1 error" }).InnerTextAsync());
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.preview-errors')).borderTopStyle"));
        AriaSnapshot.AssertMatches("preview-error-panel", await page.Locator(".preview-errors").AriaSnapshotAsync(),
            "The preview's error panel over the fixture site's article, for the broken-link fixture: its heading, the alert and each error.");
        var problems = new List<string>();
        foreach (var (width, scheme) in new[] { (1280, ColorScheme.Light), (1280, ColorScheme.Dark), (320, ColorScheme.Light) })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            problems.AddRange((await Axe.RunAsync(page, AxeOptions)).Violations.Select(v => $"{width} px {scheme}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
        }

        problems.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));

        // Fix it: the page reloads by itself again, without the panel.
        await WaitForReloadStreamAsync(preview);
        File.Delete(Path.Combine(site.Root, "input", "guide", "links.md"));
        await page.WaitForSelectorAsync(".preview-errors", new() { State = WaitForSelectorState.Detached, Timeout = 90_000 });
        Assert.Equal("An article", (await page.Locator("h1").InnerTextAsync()).Trim());
        problems.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        lock (console)
        {
            problems.AddRange(console);
        }

        ProblemReport.AssertNone(problems, "problems with the error panel");
    }

    /// <summary>The reloaded page has opened its event stream, so the next rebuild reaches it.</summary>
    private static async Task WaitForReloadStreamAsync(PreviewServer preview)
    {
        for (var i = 0; i < 300 && preview.LiveReload.OpenStreams == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(preview.LiveReload.OpenStreams > 0, "the page never opened its live-reload stream");
    }
}
