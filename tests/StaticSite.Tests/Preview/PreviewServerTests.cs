using System.Net;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Preview;

public sealed class PreviewServerTests
{
    [Fact]
    public async Task Serves_under_the_base_path_with_clean_urls_and_a_real_404()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<p>home</p>");
        temp.Write("a/index.html", "<p>a</p>");
        temp.Write("404.html", "<p>missing</p>");
        using var server = StaticFileServer.Start(temp.Path, "/repo/");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        Assert.Equal("<p>a</p>", await http.GetStringAsync(server.RootUrl + "a/"));
        var redirect = await http.GetAsync(server.RootUrl + "a");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/repo/a/", redirect.Headers.Location?.OriginalString);
        var missing = await http.GetAsync(server.RootUrl + "nope/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("<p>missing</p>", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/a/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.RootUrl + "..%2f..%2fetc/passwd")).StatusCode);
    }

    [Fact]
    public async Task Live_reload_injects_its_script_and_tells_open_pages_to_reload()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>");
        var liveReload = new LiveReload("/");
        using var server = StaticFileServer.Start(temp.Path, "/", liveReload: liveReload);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var page = await http.GetStringAsync(server.RootUrl);
        Assert.Contains("<script src=\"/_preview/live-reload.js\" data-events=\"/_preview/events\" defer></script></body>", page, StringComparison.Ordinal);
        Assert.Contains("EventSource", await http.GetStringAsync(server.RootUrl + "_preview/live-reload.js"), StringComparison.Ordinal);
        Assert.DoesNotContain("live-reload", File.ReadAllText(temp.Combine("index.html")), StringComparison.Ordinal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var events = await http.GetAsync(server.RootUrl + "_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        liveReload.Notify();
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line == "");
        Assert.Equal("data: reload", line);
    }
}
