using System.Diagnostics;
using System.Net;
using StaticSite.Cli;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Commands;

/// <summary>
/// The commands as users and scripts meet them: in-process for the details, and as a real
/// process from the built StaticSite.dll for exit codes, output streams and serve.
/// </summary>
public sealed class CommandLineTests
{
    private const string Today = "2026-11-23";

    private sealed record Run(int Code, string Out, string Error);

    private static Run InProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_lists_every_command_and_every_option_of_build()
    {
        var root = InProcess("--help");
        var build = InProcess("build", "--help");
        var serve = InProcess("serve", "--help");

        Assert.Equal(0, root.Code);
        foreach (var command in new[] { "build", "check", "serve", "new" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", root.Out);
        }

        Assert.Contains("Exit codes: 0", root.Out, StringComparison.Ordinal);
        Assert.Equal(0, build.Code);
        foreach (var option in new[] { "--root <DIR>", "--input <DIR>", "--output <DIR>", "--theme <DIR>", "--base-path <PATH>", "--url <URL>", "--drafts", "--timings", "--readability-report <FILE>", "--today <YYYY-MM-DD>", "--help" })
        {
            Assert.Contains(option, build.Out, StringComparison.Ordinal);
        }

        Assert.Contains("--port <N>", serve.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--port", build.Out, StringComparison.Ordinal);
        Assert.Equal(InProcess("build", "--help").Out, InProcess("help", "build").Out);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "frob" }, "'frob'")]
    [InlineData(new[] { "build", "--bogus" }, "'--bogus'")]
    [InlineData(new[] { "build", "--today", "2026-13-01" }, "--today must be a date written YYYY-MM-DD, not '2026-13-01'")]
    [InlineData(new[] { "build", "--output" }, "--output")]
    [InlineData(new[] { "serve", "--port", "70000" }, "--port must be a number from 0 to 65535, not '70000'")]
    [InlineData(new[] { "serve", "--port", "eighty" }, "eighty")]
    [InlineData(new[] { "new", "article", "Knee pain" }, "--area")]
    [InlineData(new[] { "new", "article", "--area", "knee" }, "title")]
    public void A_bad_command_line_exits_2_and_says_why(string[] args, string message)
    {
        var run = InProcess(args);

        Assert.Equal(2, run.Code);
        Assert.Contains(message, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_take_their_value_after_a_space_or_an_equals_sign()
    {
        using var site = new FixtureSite();
        using var temp = new TempDir();
        var output = temp.Combine("out");

        var run = InProcess("build", "--root", site.Root, $"--output={output}", $"--today={Today}", "--base-path", "/sub/");

        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("href=\"/sub/guide/\"", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_like_build_and_writes_nothing()
    {
        using var good = new FixtureSite();
        using var broken = new FixtureSite("broken-link");

        var passed = InProcess("check", "--root", good.Root, "--today", Today);
        var failed = InProcess("check", "--root", broken.Root, "--today", Today);

        Assert.True(passed.Code == 0, passed.Error);
        Assert.Matches(@"Checked \d+ pages \(\d+ files\): no errors\. Nothing was written\.", passed.Out);
        Assert.False(Directory.Exists(good.Output));
        Assert.Equal(1, failed.Code);
        Assert.Contains("input/guide/links.md:9:5: error LINK001: link 'missing.md' goes to no page", failed.Error, StringComparison.Ordinal);
        Assert.Contains("Build failed: 1 error.", failed.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(broken.Output));
    }

    [Fact]
    public void Check_leaves_an_existing_output_folder_exactly_as_it_was()
    {
        using var site = new FixtureSite();
        Assert.Equal(0, InProcess("build", "--root", site.Root, "--today", Today).Code);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        site.Write("input/guide/extra.md", "---\ntitle: Extra\ndescription: An extra page.\nlayout: page\n---\n\nText.\n");

        Assert.Equal(0, InProcess("check", "--root", site.Root, "--today", Today).Code);

        Assert.Equal(before, Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void On_a_terminal_a_long_build_shows_each_stage_on_stderr_and_leaves_the_diagnostics_plain()
    {
        using var site = new FixtureSite("plain-english", "warnings");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var watched = new Terminal(stdout, stderr, IsInteractive: true) { ProgressAfter = TimeSpan.Zero };

        var code = CommandLine.Run(["build", "--root", site.Root, "--today", Today], watched);
        var quiet = InProcess("build", "--root", site.Root, "--today", Today);

        Assert.Equal(0, code);
        foreach (var stage in new[] { "config", "read", "process", "render", "check", "write" })
        {
            Assert.Contains($"Building: {stage}…", stderr.ToString(), StringComparison.Ordinal);
        }

        Assert.EndsWith("\r\u001b[2K", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("input/guide/plain.md:13:19: warning READ002: sentence of 29 words", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", stdout.ToString(), StringComparison.Ordinal);
        // Redirected (an editor, CI): no progress at all, the same report.
        Assert.DoesNotContain("Building:", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(quiet.Out.Split('\n').Where(l => !l.StartsWith("Built", StringComparison.Ordinal)), stdout.ToString().Split('\n').Where(l => !l.StartsWith("Built", StringComparison.Ordinal)));
    }

    [Fact]
    public void New_article_writes_a_draft_dated_today_that_builds_with_no_errors_or_warnings()
    {
        using var site = RealSiteCopy();

        var run = InProcess("new", "article", "Knee pain when cycling", "--area", "knee", "--root", site.Path, "--today", "2026-11-30");

        Assert.True(run.Code == 0, run.Error);
        var path = site.Combine("input", "leg-and-knee", "knee-pain-when-cycling.md");
        Assert.Contains("Wrote input/leg-and-knee/knee-pain-when-cycling.md", run.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(path);
        Assert.Contains("\ntitle: \"Knee pain when cycling\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\narea: knee\n", text, StringComparison.Ordinal);
        Assert.Contains("\nreviewed: 2026-11-30\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnext_review: 2027-11-30\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndraft: true\n", text, StringComparison.Ordinal);
        Assert.Contains("::: checklist ", text, StringComparison.Ordinal);
        Assert.Contains("::: care urgent ", text, StringComparison.Ordinal);

        // With --drafts the new page is read, rendered, checked and written like any other: not one message.
        var output = site.Combine("_site");
        var drafts = InProcess("build", "--root", site.Path, "--drafts", "--today", "2026-11-30");
        Assert.True(drafts.Code == 0, drafts.Error);
        Assert.Equal("", drafts.Error);
        Assert.DoesNotMatch(": (warning|error) ", drafts.Out);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "leg-and-knee", "knee-pain-when-cycling", "index.html")));
        Assert.Equal("Knee pain when cycling", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[type=checkbox]"));
        // Without --drafts it stays out of the site, and the site is as clean as before.
        var published = InProcess("build", "--root", site.Path, "--today", "2026-11-30");
        Assert.True(published.Code == 0, published.Error);
        Assert.DoesNotMatch(": (warning|error) ", published.Out);
        Assert.False(Directory.Exists(Path.Combine(output, "leg-and-knee", "knee-pain-when-cycling")));
    }

    [Fact]
    public void Timings_show_every_stage_with_its_time_processor_time_allocations_collector_pauses_and_jit_work_and_a_total_of_them()
    {
        using var site = new FixtureSite();

        var run = InProcess("build", "--root", site.Root, "--today", "2026-11-23", "--timings");

        Assert.True(run.Code == 0, run.Error);
        var rows = run.Out.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^  (\S+) +([0-9.]+) ms +([0-9]+) ms +([0-9.]+) MB +([0-9]+) ms +([0-9]+) in +([0-9.]+) ms$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (
                Ms: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                Cpu: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                Paused: int.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture),
                Jit: int.Parse(m.Groups[6].Value, System.Globalization.CultureInfo.InvariantCulture)));
        string[] stages = ["start-up", "config", "read", "process", "readability", "theme", "resolve", "publish", "render", "check", "write", "report"];
        Assert.Equal([.. stages, "total"], rows.Keys);
        Assert.Equal(stages.Sum(s => rows[s].Ms), rows["total"].Ms, 0.1 * stages.Length);
        Assert.Equal(stages.Sum(s => rows[s].Jit), rows["total"].Jit);
        Assert.InRange(rows["total"].Paused, stages.Sum(s => rows[s].Paused) - stages.Length, stages.Sum(s => rows[s].Paused) + stages.Length);
        // Processor time is counted for every stage (rounded to whole milliseconds each).
        Assert.True(rows["total"].Cpu > 0);
        var cpu = stages.Sum(s => rows[s].Cpu);
        Assert.InRange(rows["total"].Cpu, cpu - stages.Length, cpu + stages.Length);
    }

    [Fact]
    public void New_article_never_overwrites_a_page()
    {
        using var site = new FixtureSite();
        var path = Path.Combine(site.Root, "input", "guide", "an-article.md");
        var before = File.ReadAllText(Path.Combine(site.Root, "input", "guide", "article.md"));
        File.WriteAllText(path, "mine");

        var run = InProcess("new", "article", "An article", "--area", "calf", "--root", site.Root);

        Assert.Equal(1, run.Code);
        Assert.Contains("input/guide/an-article.md already exists; nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(path));
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Root, "input", "guide", "article.md")));
    }

    [Fact]
    public void New_article_with_an_unknown_area_exits_2_with_the_areas_of_site_yml()
    {
        using var site = new FixtureSite();

        var run = InProcess("new", "article", "Hip pain", "--area", "hips", "--root", site.Root);

        Assert.Equal(2, run.Code);
        Assert.Contains("unknown area 'hips'. The areas in site.yml are: knee, calf", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Root, "input", "guide", "hip-pain.md")));
    }

    [Fact]
    public void New_article_asks_for_a_section_when_there_are_several()
    {
        using var site = new FixtureSite();
        site.Write("input/other/index.md", "---\ntitle: Other\ndescription: Another hub.\n---\n\nText.\n");

        var unsure = InProcess("new", "article", "Hip pain", "--area", "knee", "--root", site.Root);
        var unknown = InProcess("new", "article", "Hip pain", "--area", "knee", "--section", "nope", "--root", site.Root);
        var chosen = InProcess("new", "article", "Hip pain", "--area", "knee", "--section", "other", "--root", site.Root);

        Assert.Equal(2, unsure.Code);
        Assert.Contains("--section: guide, other", unsure.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Equal(0, chosen.Code);
        Assert.True(File.Exists(Path.Combine(site.Root, "input", "other", "hip-pain.md")));
    }

    [Fact]
    public void The_built_program_exits_0_1_and_2_and_keeps_errors_on_stderr()
    {
        using var good = new FixtureSite();
        using var broken = new FixtureSite("broken-link");

        var built = Program("build", "--root", good.Root, "--today", Today);
        var failed = Program("build", "--root", broken.Root, "--today", Today);
        var bad = Program("build", "--nope");
        var help = Program("--help");

        Assert.True(built.Code == 0, built.Error);
        Assert.Contains("Built ", built.Out, StringComparison.Ordinal);
        Assert.Equal("", built.Error);
        Assert.Equal(1, failed.Code);
        Assert.Contains("input/guide/links.md:9:5: error LINK001:", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error LINK001", failed.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
        Assert.Contains("'--nope'", bad.Error, StringComparison.Ordinal);
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_program_serves_with_the_production_headers_and_stops_on_sigterm()
    {
        using var site = new FixtureSite();
        File.Copy(Path.Combine(Repo.Root, "netlify.toml"), Path.Combine(site.Root, "netlify.toml"));
        using var process = Start("serve", "--root", site.Root, "--port", "0", "--base-path", "/repo/", "--today", Today);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.StartsWith("Serving ", StringComparison.Ordinal));

            Assert.NotNull(line);
            var url = line.Split(' ')[1];
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/repo/$", url);
            using var http = new HttpClient();
            using var page = await http.GetAsync(url + "guide/article/", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.StartsWith("default-src 'none'", string.Join("", page.Headers.NonValidated["Content-Security-Policy"]), StringComparison.Ordinal);
            Assert.Contains("/repo/_preview/live-reload.js", await page.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

            // SIGTERM, as a service manager stops it (the shell's own kill, so no package is needed).
            using (var kill = System.Diagnostics.Process.Start("sh", ["-c", $"kill -TERM {process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Stopped.", await process.StandardOutput.ReadToEndAsync(timeout.Token), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public void Serve_on_a_port_in_use_says_so_and_exits_2()
    {
        using var site = new FixtureSite();
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var run = InProcess("serve", "--root", site.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--today", Today);

            Assert.Equal(2, run.Code);
            Assert.Contains($"cannot serve on 127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
            Assert.Contains("--port", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    /// <summary>The real site's input and theme in a temp folder, to add pages to.</summary>
    private static TempDir RealSiteCopy()
    {
        var temp = new TempDir();
        TempDir.Copy(Repo.Input, temp.Combine("input"));
        TempDir.Copy(Repo.Theme, temp.Combine("theme"));
        return temp;
    }

    private static Run Program(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            Assert.Fail($"StaticSite {string.Join(' ', args)} did not finish");
        }

        return new Run(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The StaticSite.dll built beside the tests, run with dotnet as hosts run it.</summary>
    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StaticSite.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    }
}
