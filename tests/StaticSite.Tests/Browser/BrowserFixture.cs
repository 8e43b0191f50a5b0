using Microsoft.Playwright;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// One Chromium for every browser test (launching it is the slow part), the real site built
/// once, and two servers on 127.0.0.1: one plain, one sending the production
/// Content-Security-Policy. Without Chromium it does nothing: the tests are skipped anyway.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private BuiltSite? _site;
    private StaticFileServer? _server;
    private StaticFileServer? _cspServer;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingReason);

    public BuiltSite Site => _site ?? throw new InvalidOperationException("the site was not built");

    /// <summary>Every page of the site as a path below the base path: "", "leg-and-knee/", ...</summary>
    public IReadOnlyList<string> PagePaths { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return;
        }

        // Build while the browser starts: the two are independent and both take a second or two.
        var build = Task.Run(() => BuiltSite.Real());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
        _site = await build;
        Assert.True(_site.Result.Succeeded, _site.Errors);
        // Redirect pages (old addresses) navigate away at once; they are checked over HTTP elsewhere.
        PagePaths = _site.ContentPages.Select(p => p.Key).Select(UrlPath).ToList();
        _server = StaticFileServer.Start(_site.Output, _site.BasePath);
        _cspServer = StaticFileServer.Start(_site.Output, _site.BasePath, headers: new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = ContentSecurityPolicy,
        });
    }

    /// <summary>The address of a page; <paramref name="csp"/> serves it with the strict policy.</summary>
    public string Url(string path, bool csp = false) =>
        (csp ? _cspServer : _server)!.RootUrl + path;

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light, bool javaScript = true, ForcedColors forcedColors = ForcedColors.None)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 800 },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
            ForcedColors = forcedColors,
        });

        // Pages are local and small: a step that takes longer than this is stuck, and failing
        // fast beats Playwright's 30 s default on every page.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every page, a few at a time in one context, and returns
    /// each page's problems prefixed with its path, so one failing page does not hide the rest.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckEveryPageAsync(
        IBrowserContext context, Func<IPage, string, Task<IEnumerable<string>>> check, Func<IPage, Task>? beforeLoad = null)
    {
        var problems = new System.Collections.Concurrent.ConcurrentBag<(string Path, string Problem)>();
        await Parallel.ForEachAsync(PagePaths, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (path, _) =>
        {
            var page = await context.NewPageAsync();
            try
            {
                if (beforeLoad is not null)
                {
                    await beforeLoad(page);
                }

                var response = await page.GotoAsync(Url(path));
                if (response is null || !response.Ok)
                {
                    problems.Add((path, $"HTTP {response?.Status}"));
                    return;
                }

                foreach (var problem in await check(page, path))
                {
                    problems.Add((path, problem));
                }
            }
            finally
            {
                await page.CloseAsync();
            }
        });

        return problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Problem, StringComparer.Ordinal)
            .Select(p => $"/{p.Path}: {p.Problem}").ToList();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        _cspServer?.Dispose();
        _site?.Dispose();
    }

    private static string UrlPath(string outputPath) =>
        outputPath == "index.html" ? ""
        : outputPath.EndsWith("/index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length]
        : outputPath;
}

/// <summary>Every browser test class joins this collection, so they share one browser (and one build of the component fixture pages).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<ComponentSite>
{
    public const string Name = "Browser";
}

public static class ProblemReport
{
    /// <summary>Fails with every problem listed, one per line.</summary>
    public static void AssertNone(IReadOnlyList<string> problems, string what)
    {
        if (problems.Count > 0)
        {
            Assert.Fail($"{what} ({problems.Count} found):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }
}
