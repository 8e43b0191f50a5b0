using Microsoft.Playwright;
using StaticSite.Preview;
using StaticSite.Tests.Markdown;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Images in Chromium: each keeps its space while it loads, so the text around it never jumps
/// (the width and height the build writes), and the browser picks the smaller copy that fits the
/// screen from srcset and sizes. Run on the real articles with diagrams and on the figure test
/// page, whose photos have copies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FigureBrowserTests(BrowserFixture browser, ServedFigureSite figures) : IClassFixture<ServedFigureSite>
{
    /// <summary>Script: each image in main as [x, y, width, height] of its box, rounded to a tenth of a pixel.</summary>
    private const string ImageBoxes = """
        () => [...document.querySelectorAll('main img')].map(i => {
            const r = i.getBoundingClientRect();
            return [r.x, r.y + window.scrollY, r.width, r.height].map(v => Math.round(v * 10) / 10).join(' ');
        })
        """;

    public static TheoryData<string, int> Pages => new()
    {
        { "real:leg-and-knee/soleus-pain-when-running/", 1280 },
        { "real:leg-and-knee/knee-ligament-and-cartilage-injuries/", 320 },
        { "figures:guide/figures/", 1280 },
        { "figures:guide/figures/", 320 },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Images_keep_their_space_while_they_load_so_nothing_moves(string page, int width)
    {
        await using var context = await browser.NewContextAsync(width);
        var tab = await context.NewPageAsync();

        // Hold every image back until the page has been measured without them.
        var release = new TaskCompletionSource();
        await tab.RouteAsync(url => IsImage(url), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await tab.GotoAsync(Url(page), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var before = await tab.EvaluateAsync<string[]>(ImageBoxes);
        Assert.NotEmpty(before);
        Assert.Equal(0, await tab.EvaluateAsync<int>("() => [...document.querySelectorAll('main img')].filter(i => i.complete && i.naturalWidth > 0).length"));

        // Now let them load, every one (lazy ones too), and measure again.
        release.SetResult();
        await tab.EvaluateAsync("() => document.querySelectorAll('main img').forEach(i => i.loading = 'eager')");
        await tab.WaitForFunctionAsync("() => [...document.querySelectorAll('main img')].every(i => i.complete && i.naturalWidth > 0)");
        var after = await tab.EvaluateAsync<string[]>(ImageBoxes);

        // Within a pixel: HTML's width and height are whole numbers, so an SVG sized 360.4 × 480
        // gets 360 × 480 and settles by half a pixel once its own shape is known.
        Assert.Equal(before.Length, after.Length);
        foreach (var (was, now) in before.Zip(after))
        {
            var (b, a) = (Numbers(was), Numbers(now));
            Assert.True(b.Zip(a).All(p => Math.Abs(p.First - p.Second) <= 1), $"an image moved or changed size as it loaded: {was} before, {now} after");
            Assert.True(b[3] > 0, $"an image had no height before it loaded: {was}");
        }
    }

    [BrowserTheory]
    [InlineData(320, 1, "guide/photos/wide.480w.")]
    [InlineData(1280, 1, "guide/photos/wide.960w.")]
    [InlineData(1280, 2, "guide/photos/wide.1440w.")]
    public async Task The_browser_picks_the_smallest_copy_that_fills_the_column(int width, float density, string expected)
    {
        var figureSite = figures.Url("");
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 800 },
            DeviceScaleFactor = density,
        });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(figureSite + "guide/figures/");
        var image = tab.Locator("figure img").First;
        await tab.WaitForFunctionAsync("() => document.querySelector('figure img').complete");

        var chosen = await image.EvaluateAsync<string>("i => i.currentSrc");

        Assert.Contains("/base/assets/images/" + expected, chosen, StringComparison.Ordinal);
    }

    private string Url(string page) => page.Split(':', 2) switch
    {
        ["real", var path] => browser.Url(path),
        ["figures", var path] => figures.Url(path),
        _ => throw new ArgumentException(page),
    };

    private static double[] Numbers(string box) =>
        [.. box.Split(' ').Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];

    private static bool IsImage(string url) =>
        new[] { ".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif" }.Any(e => url.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !url.Contains("favicon", StringComparison.Ordinal);
}

/// <summary>The figure test site (<see cref="FigureSite"/>: photos with copies, SVGs), built and served only when Chromium is there to visit it.</summary>
public sealed class ServedFigureSite : IDisposable
{
    private readonly FigureSite? _site;
    private readonly StaticFileServer? _server;

    public ServedFigureSite()
    {
        if (Chromium.ExecutablePath is not null)
        {
            _site = new FigureSite();
            _server = StaticFileServer.Start(_site.Fixture.Output, FigureSite.BasePath);
        }
    }

    public string Url(string path) => _server!.RootUrl + path;

    public void Dispose()
    {
        _server?.Dispose();
        _site?.Dispose();
    }
}
