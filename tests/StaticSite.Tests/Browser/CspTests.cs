using Microsoft.Playwright;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Every page served with the production policy (no inline script or style, nothing from other
/// origins) loads without a single violation, and its stylesheet and script really apply.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CspTests(BrowserFixture browser)
{
    // Added by Playwright before any page script; it runs outside the page's CSP.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
        """;

    private const string Recorded = "() => new Promise(resolve => setTimeout(() => resolve(window.__cspViolations), 0))";

    [BrowserFact]
    public async Task Every_page_works_under_the_strict_content_security_policy()
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(browser.PagePaths, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (path, _) =>
        {
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    problems.Add($"/{path}: console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add($"/{path}: page error: {error}");
            page.RequestFailed += (_, request) => problems.Add($"/{path}: request failed: {request.Url} {request.Failure}");
            var assets = new System.Collections.Concurrent.ConcurrentBag<string>();
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType is "stylesheet" or "script")
                {
                    assets.Add($"{response.Request.ResourceType} {response.Status}");
                }
            };

            var response = await page.GotoAsync(browser.Url(path, csp: true));
            Assert.NotNull(response);
            var policy = await response.HeaderValueAsync("content-security-policy");
            Assert.Equal(BrowserFixture.ContentSecurityPolicy, policy);

            foreach (var violation in await page.EvaluateAsync<string[]>(Recorded))
            {
                problems.Add($"/{path}: CSP violation: {violation}");
            }

            var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
            if (!font.StartsWith("system-ui", StringComparison.Ordinal))
            {
                problems.Add($"/{path}: the stylesheet did not apply (body font-family is '{font}')");
            }

            if (!assets.Contains("stylesheet 200") || !assets.Contains("script 200"))
            {
                problems.Add($"/{path}: expected the stylesheet and the script to load, got [{string.Join(", ", assets)}]");
            }

            await page.CloseAsync();
        });

        ProblemReport.AssertNone(problems.Order(StringComparer.Ordinal).ToList(), "problems under the content security policy");
    }

    [BrowserFact]
    public async Task The_violation_recorder_sees_an_inline_style_it_is_not_vacuous()
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url("", csp: true));
        await page.EvaluateAsync("() => document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')");

        var violations = await page.EvaluateAsync<string[]>(Recorded);

        Assert.Contains(violations, v => v.StartsWith("style-src-elem blocked inline", StringComparison.Ordinal));
        Assert.NotEqual("rgb(255, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
    }
}
