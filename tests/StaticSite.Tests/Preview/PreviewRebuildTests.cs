using System.Net;
using AngleSharp.Html.Parser;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Preview;

/// <summary>A real preview of a small site, kept up with the author's saves.</summary>
public sealed class PreviewRebuildTests
{
    private const string SiteYml = "name: Fixture Site\nurl: https://fixture.example\nlanguage: en-GB\nareas: [knee, calf]\nnavigation:\n  - title: Home\n    page: index.md\n";

    /// <summary>
    /// The author edits base_path while serving: the same port serves the site under the new
    /// path with links made for it, the old path answers 404, open pages are sent there, and the
    /// terminal says the new address. A failed build does not move the site (its output is
    /// still the last good one, made for the old path); the next good one does.
    /// </summary>
    [Fact]
    public async Task A_new_base_path_in_site_yml_is_served_on_the_same_port_once_it_builds()
    {
        using var site = new FixtureSite();
        var log = new StringWriter();
        using var preview = PreviewServer.Start(new PreviewOptions { Build = site.Options(), Port = 0 }, _ => { }, TextWriter.Synchronized(log));
        var origin = preview.RootUrl.TrimEnd('/');
        Assert.EndsWith(":" + new Uri(origin).Port, origin, StringComparison.Ordinal);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var events = await http.GetAsync(origin + "/_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(origin + "/guide/article/", timeout.Token)).StatusCode);

        // A loaded machine may see the write as two saves (emptied, then written): wait for the good build.
        var moved = NextBuild(preview, r => r.Succeeded);
        site.Write("input/site.yml", SiteYml + "base_path: /moved/\n");
        await moved.WaitAsync(timeout.Token);

        Assert.Equal(origin + "/moved/", preview.RootUrl);
        Assert.Equal("event: base-path", await NextLineAsync(reader, timeout.Token));
        Assert.Equal("data: /moved/", await reader.ReadLineAsync(timeout.Token));
        Assert.Contains($"Serving {origin}/moved/ (the base path is now /moved/).", log.ToString(), StringComparison.Ordinal);
        await AssertServedUnderAsync(http, origin, "/moved/", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(origin + "/guide/article/", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(origin + "/", timeout.Token)).StatusCode);
        using var toRoot = await http.GetAsync(origin + "/moved", timeout.Token);
        Assert.Equal(HttpStatusCode.MovedPermanently, toRoot.StatusCode);
        Assert.Equal("/moved/", toRoot.Headers.Location?.OriginalString);

        // Broken, then a new base path on top: neither build succeeds, so nothing moves.
        var failed = NextBuild(preview, r => !r.Succeeded);
        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "broken-link"), site.Root);
        await failed.WaitAsync(timeout.Token);
        var stillFailed = NextBuild(preview, r => true);
        site.Write("input/site.yml", SiteYml + "base_path: /again/\n");
        Assert.False((await stillFailed.WaitAsync(timeout.Token)).Succeeded);
        Assert.Equal(origin + "/moved/", preview.RootUrl);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(origin + "/moved/guide/article/", timeout.Token)).StatusCode);

        var fixedBuild = NextBuild(preview, r => r.Succeeded);
        File.Delete(Path.Combine(site.Root, "input", "guide", "links.md"));
        await fixedBuild.WaitAsync(timeout.Token);
        Assert.Equal(origin + "/again/", preview.RootUrl);
        await AssertServedUnderAsync(http, origin, "/again/", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(origin + "/moved/guide/article/", timeout.Token)).StatusCode);
    }

    /// <summary>
    /// A save that lands while a rebuild is running (after it has read the files) is not lost:
    /// the next rebuild gets it and the page appears.
    /// </summary>
    [Fact]
    public async Task A_change_made_during_a_rebuild_is_built_by_the_next_one()
    {
        using var site = new FixtureSite();
        var options = site.Options();
        var calls = new List<IReadOnlyCollection<string>>();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        using var preview = PreviewServer.Start(
            new PreviewOptions
            {
                Build = options,
                Port = 0,
                Rebuild = changed =>
                {
                    int call;
                    lock (calls)
                    {
                        calls.Add([.. changed]);
                        call = calls.Count;
                    }

                    var result = Site.Build(options);
                    if (call == 2)
                    {
                        // The first rebuild has read and written everything; hold it there.
                        holding.TrySetResult();
                        release.Wait(TimeSpan.FromSeconds(60));
                    }

                    return result;
                },
            },
            _ => { },
            TextWriter.Null);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        site.Write("input/guide/first.md", Page("First"));
        await holding.Task.WaitAsync(timeout.Token);
        site.Write("input/guide/second.md", Page("Second"));
        // Give the watcher time to queue the event while the rebuild is still held.
        await Task.Delay(500, timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(preview.RootUrl + "guide/second/", timeout.Token)).StatusCode);
        release.Set();

        HttpStatusCode status;
        do
        {
            await Task.Delay(50, timeout.Token);
            status = (await http.GetAsync(preview.RootUrl + "guide/second/", timeout.Token)).StatusCode;
        }
        while (status != HttpStatusCode.OK);

        lock (calls)
        {
            Assert.Contains(calls.Skip(2).SelectMany(c => c), p => p.EndsWith("second.md", StringComparison.Ordinal));
        }
    }

    private static string Page(string title) => $"---\ntitle: {title}\ndescription: A page called {title}.\nlayout: page\n---\n\nText.\n";

    /// <summary>The article and home page answer under <paramref name="basePath"/>, with every site link and the preview's script made for it.</summary>
    private static async Task AssertServedUnderAsync(HttpClient http, string origin, string basePath, CancellationToken cancel)
    {
        using var response = await http.GetAsync(origin + basePath + "guide/article/", cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(origin + basePath, cancel)).StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(cancel));
        var links = document.QuerySelectorAll("a[href^='/'], link[href^='/'], script[src^='/']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith(basePath, href, StringComparison.Ordinal));
        Assert.Contains(basePath + "_preview/live-reload.js", links);
        Assert.Equal(basePath + "_preview/events", document.QuerySelector("script[data-events]")!.GetAttribute("data-events"));
    }

    /// <summary>The next rebuild that <paramref name="wanted"/>.</summary>
    private static Task<BuildResult> NextBuild(PreviewServer preview, Func<BuildResult, bool> wanted)
    {
        var done = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(BuildResult result)
        {
            if (wanted(result))
            {
                preview.Rebuilt -= Seen;
                done.TrySetResult(result);
            }
        }

        preview.Rebuilt += Seen;
        return done.Task;
    }

    /// <summary>The next line of the event stream that is not a blank or a plain reload.</summary>
    private static async Task<string?> NextLineAsync(StreamReader reader, CancellationToken cancel)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancel);
        }
        while (line is "" or "data: reload");
        return line;
    }
}
