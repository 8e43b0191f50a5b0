using System.Net.Sockets;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// Input the build cannot read: a file or folder without read permission, a file that is not a
/// file at all, a file that vanishes while the build runs. Each is an error naming it, exit code 1,
/// and no stack trace.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableInputTests
{
    [UnreadableFileFact]
    public void A_page_without_read_permission_is_an_error_naming_it()
    {
        using var site = new FixtureSite();
        var page = Path.Combine(site.Root, "input", "guide", "article.md");
        File.SetUnixFileMode(page, UnixFileMode.None);

        var (code, stderr) = RunCommandLine(site);

        Assert.Equal(1, code);
        Assert.Contains("input/guide/article.md: error IN001: cannot be read: permission denied (check who may read it)", stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stderr);
    }

    [UnreadableFileFact]
    public void A_folder_that_cannot_be_listed_is_an_error_naming_it()
    {
        using var site = new FixtureSite();
        site.Write("input/locked/page.md", "---\ntitle: Locked\ndescription: d\nlayout: page\n---\n");
        var folder = Path.Combine(site.Root, "input", "locked");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var (code, stderr) = RunCommandLine(site);

            Assert.Equal(1, code);
            Assert.Contains("input/locked: error IN001: the folder cannot be read: permission denied (check who may read it)", stderr, StringComparison.Ordinal);
            AssertNoStackTrace(stderr);
        }
        finally
        {
            // Or the temp folder could not be removed.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [UnreadableFileFact]
    public void A_static_file_without_read_permission_is_reported_with_the_pages_not_at_the_end()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/photo.jpg", "bytes");
        File.SetUnixFileMode(Path.Combine(site.Root, "input", "guide", "photo.jpg"), UnixFileMode.None);

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/guide/photo.jpg: error IN001: cannot be read: permission denied (check who may read it)", error.ToString());
    }

    [UnixFact]
    public void A_socket_where_a_page_should_be_is_an_error_not_a_crash()
    {
        // A socket is listed like a file but cannot be opened as one, even by root: the same
        // failure a file gives that cannot be read for any other reason.
        using var site = new FixtureSite();
        var path = Path.Combine(site.Root, "input", "guide", "socket.md");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var (code, stderr) = RunCommandLine(site);

        Assert.Equal(1, code);
        Assert.Matches(@"input/guide/socket\.md: error IN001: cannot be read: [^/']+\n", stderr);
        AssertNoStackTrace(stderr);
    }

    [Fact]
    public void A_file_that_vanished_after_the_folder_was_listed_is_an_error_naming_it()
    {
        // The race itself cannot be timed in a test; what the build does when it loses it can.
        using var temp = new TempDir();
        var diagnostics = new DiagnosticBag();

        var text = InputText.Read(temp.Combine("input", "gone.md"), "input/gone.md", diagnostics);

        Assert.Null(text);
        Assert.Equal(
            ["input/gone.md: error IN001: cannot be read: it was moved or deleted while the build was running"],
            diagnostics.Sorted().Select(d => d.ToString()));
    }

    private static (int Code, string Stderr) RunCommandLine(FixtureSite site)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.CommandLine.Run(["build", "--root", site.Root, "--today", "2026-11-23"], stdout, stderr);
        return (code, stderr.ToString());
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(|Exception:", output);
}
