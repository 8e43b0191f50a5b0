using System.Net;
using System.Net.Sockets;
using System.Text;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Preview;

public sealed class PreviewServerTests
{
    private const string Secret = "SECRET-OUTSIDE-THE-OUTPUT-FOLDER";

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
        var toRoot = await http.GetAsync($"http://127.0.0.1:{server.Port}/repo");
        Assert.Equal(HttpStatusCode.MovedPermanently, toRoot.StatusCode);
        Assert.Equal("/repo/", toRoot.Headers.Location?.OriginalString);
        var missing = await http.GetAsync(server.RootUrl + "nope/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html; charset=utf-8", missing.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p>missing</p>", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{server.Port}/a/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.RootUrl + "..%2f..%2fetc/passwd")).StatusCode);
    }

    [Fact]
    public async Task A_site_without_a_404_page_still_answers_404_with_a_page()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<p>home</p>");
        using var server = StaticFileServer.Start(temp.Path, "/");
        using var http = new HttpClient();

        var missing = await http.GetAsync(server.RootUrl + "nope/");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void It_listens_on_127_0_0_1_only()
    {
        using var temp = new TempDir();
        using var server = StaticFileServer.Start(temp.Path, "/");

        Assert.Equal([$"http://127.0.0.1:{server.Port}"], server.ListeningOn);
        // Not even the IPv6 loopback, which "localhost" would have bound too.
        using var ipv6 = new TcpClient(AddressFamily.InterNetworkV6);
        Assert.ThrowsAny<SocketException>(() => ipv6.Connect(IPAddress.IPv6Loopback, server.Port));
        using var ipv4 = new TcpClient();
        ipv4.Connect(IPAddress.Loopback, server.Port);
        Assert.True(ipv4.Connected);
    }

    public static TheoryData<string> TraversalPaths => new()
    {
        "/repo/../secret.txt",
        "/repo/../../secret.txt",
        "/repo/a/../../secret.txt",
        "/repo/..%2fsecret.txt",
        "/repo/..%2Fsecret.txt",
        "/repo/%2e%2e/secret.txt",
        "/repo/%2E%2E/secret.txt",
        "/repo/%2e%2e%2fsecret.txt",
        "/repo/.%2e/secret.txt",
        "/repo/%2e./secret.txt",
        "/repo/%2e%2e/%2e%2e/secret.txt",
        "/repo/..%5csecret.txt",
        "/repo/..%5c..%5csecret.txt",
        "/repo/..\\secret.txt",
        "/repo/..\\..\\secret.txt",
        "/repo/%252e%252e%252fsecret.txt",
        "/repo/%252e%252e/secret.txt",
        "/repo/..%252fsecret.txt",
        "/repo/%25252e%25252e%25252fsecret.txt",
        "/repo/..%c0%afsecret.txt",
        "/repo/..%c1%9csecret.txt",
        "/repo/....//secret.txt",
        "/repo/..;/secret.txt",
        "/repo/../site-evil/secret.txt",
        "/repo/..%2fsite-evil%2fsecret.txt",
        "/repo/%2e%2e%2fsite-evil%2fsecret.txt",
        "/repo/linked/secret.txt",
        "/repo/linked-file.txt",
        "/repo//secret.txt",
        "/repo/%2fsecret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/repo/%00../secret.txt",
        "/repo/secret.txt%00.html",
        "/repo/../secret.txt.html",
        "/repo/..%2f404.html",
    };

    /// <summary>
    /// Requests written byte for byte on a socket (HttpClient would tidy the dots away first),
    /// against an output folder with a secret beside it, a sibling folder whose name starts
    /// with the output folder's, and links inside it that point out. None may be read.
    /// </summary>
    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task No_request_reads_a_file_outside_the_output_folder(string path)
    {
        using var temp = new TempDir();
        temp.Write("secret.txt", Secret);
        temp.Write("secret.txt.html", Secret);
        temp.Write("site-evil/secret.txt", Secret);
        temp.Write("site/index.html", "<p>home</p>");
        temp.Write("site/a/index.html", "<p>a</p>");
        temp.Write("site/inside.txt", "inside");
        Directory.CreateSymbolicLink(temp.Combine("site", "linked"), temp.Path);
        File.CreateSymbolicLink(temp.Combine("site", "linked-file.txt"), temp.Combine("secret.txt"));
        using var server = StaticFileServer.Start(temp.Combine("site"), "/repo/");

        var (status, body) = await RawGetAsync(server.Port, path);

        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.True(status is 400 or 404, $"{path} answered {status}");
        // The same request machinery does read a file that is inside.
        var inside = await RawGetAsync(server.Port, "/repo/inside.txt");
        Assert.Equal((200, "inside"), (inside.Status, inside.Body[(inside.Body.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]));
    }

    [Fact]
    public void The_file_provider_refuses_links_that_point_out_of_the_folder()
    {
        using var temp = new TempDir();
        temp.Write("secret.txt", Secret);
        temp.Write("site/inside.txt", "inside");
        File.CreateSymbolicLink(temp.Combine("site", "out.txt"), temp.Combine("secret.txt"));
        Directory.CreateSymbolicLink(temp.Combine("site", "up"), temp.Path);
        using var files = new ContainedFileProvider(temp.Combine("site"));

        Assert.False(files.GetFileInfo("/out.txt").Exists);
        Assert.False(files.GetFileInfo("/up/secret.txt").Exists);
        Assert.True(files.GetFileInfo("/inside.txt").Exists);
        Assert.False(files.GetFileInfo("/../secret.txt").Exists);
        Assert.False(files.GetFileInfo(temp.Combine("secret.txt")).Exists);
    }

    [Fact]
    public async Task Fifty_requests_complete_while_twenty_reload_streams_stay_open()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>");
        for (var i = 0; i < 50; i++)
        {
            temp.Write($"page-{i}/index.html", $"<!DOCTYPE html><html><body><p>page {i}</p></body></html>");
        }

        var liveReload = new LiveReload();
        using var server = StaticFileServer.Start(temp.Path, "/", liveReload: liveReload);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var streams = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var response = await http.GetAsync(server.RootUrl + "_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
                streams.Add((response, reader));
                Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
            }

            Assert.Equal(20, liveReload.OpenStreams);
            var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => http.GetStringAsync(server.RootUrl + $"page-{i}/", timeout.Token)));
            for (var i = 0; i < 50; i++)
            {
                Assert.Contains($"<p>page {i}</p>", pages[i], StringComparison.Ordinal);
            }

            // Every stream is still open and hears the reload.
            liveReload.Notify();
            foreach (var (_, reader) in streams)
            {
                Assert.Equal("data: reload", await NextEventAsync(reader, timeout.Token));
            }
        }
        finally
        {
            server.Dispose();
            foreach (var (response, reader) in streams)
            {
                reader.Dispose();
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_reload_streams()
    {
        using var temp = new TempDir();
        var liveReload = new LiveReload();
        var server = StaticFileServer.Start(temp.Path, "/", liveReload: liveReload);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var events = await http.GetAsync(server.RootUrl + "_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        var stopping = Task.Run(server.Dispose);

        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
        Assert.Null(await reader.ReadLineAsync(timeout.Token));
        await stopping.WaitAsync(timeout.Token);
    }

    [Fact]
    public async Task Live_reload_injects_its_script_and_tells_open_pages_to_reload()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>");
        var liveReload = new LiveReload();
        using var server = StaticFileServer.Start(temp.Path, "/", liveReload: liveReload);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var page = await http.GetStringAsync(server.RootUrl);
        Assert.Contains("<script src=\"/_preview/live-reload.js\" data-events=\"/_preview/events\" defer></script></body>", page, StringComparison.Ordinal);
        Assert.Contains("EventSource", await http.GetStringAsync(server.RootUrl + "_preview/live-reload.js"), StringComparison.Ordinal);
        Assert.DoesNotContain("live-reload", File.ReadAllText(temp.Combine("index.html")), StringComparison.Ordinal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var events = await http.GetAsync(server.RootUrl + "_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", events.Headers.CacheControl?.ToString());
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        liveReload.Notify();
        Assert.Equal("data: reload", await NextEventAsync(reader, timeout.Token));
    }

    private static async Task<string?> NextEventAsync(StreamReader reader, CancellationToken cancel)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancel);
        }
        while (line == "");
        return line;
    }

    /// <summary>One GET written as raw bytes; the status code and the whole response as text.</summary>
    private static async Task<(int Status, string Body)> RawGetAsync(int port, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await reader.ReadToEndAsync(timeout.Token);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
