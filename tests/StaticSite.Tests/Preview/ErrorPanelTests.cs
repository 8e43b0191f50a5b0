using System.Net;
using AngleSharp.Html.Parser;
using StaticSite.Diagnostics;
using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Preview;

/// <summary>The build errors on every page the preview serves while the last rebuild failed.</summary>
public sealed class ErrorPanelTests
{
    private const string Page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body class=\"x\">\n<main><h1>T</h1></main>\n</body>\n</html>\n";

    private static readonly Diagnostic[] Errors =
    [
        new(Severity.Error, "LINK001", "link 'missing.md' goes to no page", "input/guide/links.md", 9, 5),
        new(Severity.Error, "FM004", "bad <value> & \"quotes\"", "input/guide/article.md", 3),
    ];

    [Fact]
    public void The_panel_is_a_labelled_alert_listing_each_error_as_file_line_column_code_message()
    {
        var document = new HtmlParser().ParseDocument(ErrorPanel.AddTo(Page, Errors, "/repo/"));

        var panel = document.Body!.FirstElementChild!;
        Assert.Equal("SECTION", panel.TagName);
        var heading = document.GetElementById(panel.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("H2", heading.TagName);
        Assert.Equal("The site did not build: 2 errors", heading.TextContent);
        var alert = Assert.Single(panel.QuerySelectorAll("[role=alert]"));
        Assert.Contains(heading, alert.Children);
        Assert.Equal(
            ["input/guide/links.md:9:5 LINK001 link 'missing.md' goes to no page", "input/guide/article.md:3 FM004 bad <value> & \"quotes\""],
            alert.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Empty(document.QuerySelectorAll("script, style, [style]"));
        Assert.Equal("/repo/_preview/errors.css", document.Head!.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        // The page's own content follows, untouched.
        Assert.Equal("T", document.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public void A_good_build_leaves_the_page_as_it_is()
    {
        Assert.Equal(Page, ErrorPanel.AddTo(Page, [], "/"));
    }

    /// <summary>
    /// A real preview of a small site: break a page, and every page (the 404 page too) starts
    /// with the error and open pages are told to reload; fix it, and the panel goes.
    /// </summary>
    [Fact]
    public async Task A_failed_rebuild_shows_its_errors_on_every_page_until_it_is_fixed()
    {
        using var site = new FixtureSite();
        var log = new StringWriter();
        var reported = new List<BuildResult>();
        using var preview = PreviewServer.Start(
            new PreviewOptions { Build = site.Options(), Port = 0 },
            result =>
            {
                lock (reported)
                {
                    reported.Add(result);
                }
            },
            TextWriter.Synchronized(log));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var events = await http.GetAsync(preview.RootUrl + "_preview/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        Assert.DoesNotContain("preview-errors", await http.GetStringAsync(preview.RootUrl + "guide/article/"), StringComparison.Ordinal);

        var failed = NextBuild(preview, succeeded: false);
        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "broken-link"), site.Root);
        await failed.WaitAsync(timeout.Token);

        Assert.Equal("data: reload", await NextEventAsync(reader, timeout.Token));
        const string line = "input/guide/links.md:9:5 LINK001 link 'missing.md' goes to no page: input/guide/missing.md does not exist";
        foreach (var (path, status) in new[] { ("guide/article/", HttpStatusCode.OK), ("", HttpStatusCode.OK), ("guide/links/", HttpStatusCode.NotFound) })
        {
            using var response = await http.GetAsync(preview.RootUrl + path, timeout.Token);
            Assert.Equal(status, response.StatusCode);
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(timeout.Token));
            Assert.Equal([line], document.QuerySelectorAll(".preview-errors [role=alert] li").Select(li => li.TextContent));
        }

        using var css = await http.GetAsync(preview.RootUrl + "_preview/errors.css", timeout.Token);
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
        Assert.Contains(".preview-errors", await css.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

        var fixedBuild = NextBuild(preview, succeeded: true);
        File.Delete(Path.Combine(site.Root, "input", "guide", "links.md"));
        await fixedBuild.WaitAsync(timeout.Token);

        Assert.Equal("data: reload", await NextEventAsync(reader, timeout.Token));
        Assert.DoesNotContain("preview-errors", await http.GetStringAsync(preview.RootUrl + "guide/article/", timeout.Token), StringComparison.Ordinal);
        Assert.Contains("Change seen at", log.ToString(), StringComparison.Ordinal);
        lock (reported)
        {
            Assert.Contains(reported, r => r.Errors.Any(e => e.ToString() == "input/guide/links.md:9:5: error LINK001: link 'missing.md' goes to no page: input/guide/missing.md does not exist"));
        }
    }

    [Fact]
    public async Task The_rebuild_is_a_callback_that_gets_the_changed_files()
    {
        using var site = new FixtureSite();
        var calls = new List<IReadOnlyCollection<string>>();
        var options = site.Options();
        using var preview = PreviewServer.Start(
            new PreviewOptions
            {
                Build = options,
                Port = 0,
                Rebuild = changed =>
                {
                    lock (calls)
                    {
                        calls.Add(changed);
                    }

                    return Site.Build(options);
                },
            },
            _ => { },
            TextWriter.Null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        var rebuilt = NextBuild(preview, succeeded: true);
        site.Write("input/guide/new-page.md", "---\ntitle: New\ndescription: A new page.\nlayout: page\n---\n\nText.\n");
        await rebuilt.WaitAsync(timeout.Token);

        lock (calls)
        {
            Assert.Empty(calls[0]);
            Assert.Contains(calls.Skip(1).SelectMany(c => c), p => p.EndsWith("new-page.md", StringComparison.Ordinal));
        }
    }

    private static Task NextBuild(PreviewServer preview, bool succeeded)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(BuildResult result)
        {
            if (result.Succeeded == succeeded)
            {
                preview.Rebuilt -= Seen;
                done.TrySetResult();
            }
        }

        preview.Rebuilt += Seen;
        return done.Task;
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
}
