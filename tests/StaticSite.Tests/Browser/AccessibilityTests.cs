using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StaticSite.Tests.Browser;

/// <summary>axe-core on every page of the real site, narrow and wide, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    internal static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
        Rules = new Dictionary<string, RuleOptions>
        {
            // Our own bar is higher than AA: body text 7:1, large text 4.5:1. axe's AAA contrast
            // rule checks exactly that, so it runs as well (rules options win over the tags).
            ["color-contrast-enhanced"] = new() { Enabled = true },
        },
        ResultTypes = [ResultType.Violations],
    };

    [BrowserTheory]
    [InlineData(1280, "light")]
    [InlineData(320, "light")]
    [InlineData(1280, "dark")]
    [InlineData(320, "dark")]
    public async Task Every_page_has_no_axe_violations(int width, string scheme)
    {
        await using var context = await browser.NewContextAsync(width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await Axe.InstallAsync(context);
        var problems = await browser.CheckEveryPageAsync(context, async (page, _) =>
        {
            var result = await Axe.RunAsync(page, Options);
            return result.Violations.Select(Describe);
        });

        ProblemReport.AssertNone(problems, $"axe violations at {width} px, {scheme}");
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}{Environment.NewLine}"
        + string.Join(Environment.NewLine, violation.Nodes.Select(n =>
            $"    {n.Target}: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"));
}

/// <summary>
/// axe-core as Deque.AxeCore ships it (same version, same options and result types), installed
/// once per browser context as an init script. Deque's <c>page.RunAxe()</c> re-injects the
/// 600 KB script and opens a helper page on every call, which tripled the time of a run; the
/// pages here have no frames, so that machinery buys nothing.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    public static async Task<AxeResult> RunAsync(IPage page, AxeRunOptions options)
    {
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await axe.run(document, JSON.parse(options)))",
            JsonConvert.SerializeObject(options, AxeJsonSerializerSettings.Default));
        return new AxeResult(JObject.Parse(json));
    }
}
