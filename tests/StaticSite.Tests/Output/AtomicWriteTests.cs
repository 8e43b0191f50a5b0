using System.Diagnostics;
using System.Security.Cryptography;
using StaticSite.Output;
using StaticSite.Tests.Support;
using Xunit.Abstractions;

namespace StaticSite.Tests.Output;

/// <summary>
/// The output folder always holds either the whole previous site or the whole new one: the new
/// site is built beside it and swapped in by one rename. These tests run the real program, kill
/// it, fill its disk and race two of it, and look at what is left.
/// </summary>
public sealed class AtomicWriteTests(ITestOutputHelper log)
{
    private const int Pages = 2000;

    [UnixShellFact]
    public void A_build_killed_at_any_moment_of_the_write_leaves_the_old_site_or_the_new_one()
    {
        using var site = new FixtureSite();
        AddPages(site);
        var program = new Program(site.Root);

        // The two complete sites, A and B (every page shows the site's name), kept to compare with.
        SetName(site, "Site A");
        program.Build().AssertSucceeded();
        var siteA = Snapshot(site.Output);
        SetName(site, "Site B");
        var (_, writing) = program.BuildTimingTheWrite(site.Output);
        var siteB = Snapshot(site.Output);
        Assert.NotEqual(siteA.Values.First(), siteB.Values.First());
        Assert.True(siteA.Count > Pages, $"{siteA.Count} files");

        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"seed {seed}; the write takes about {writing.TotalMilliseconds:0} ms after the next site is begun");
        var outcomes = new List<string>();
        for (var kill = 0; kill < 20; kill++)
        {
            // Build the site the folder does not hold, and kill the build part way through its writing.
            var holdsA = Same(Snapshot(site.Output), siteA);
            SetName(site, holdsA ? "Site B" : "Site A");
            var target = holdsA ? "B" : "A";
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * writing.TotalMilliseconds * 1.1);
            var finished = program.BuildAndKill(site.Output, delay);

            var now = Snapshot(site.Output);
            var isA = Same(now, siteA);
            var isB = Same(now, siteB);
            Assert.True(isA || isB, $"kill {kill} after {delay.TotalMilliseconds:0} ms left a mixed site (seed {seed}): {Difference(now, siteA, siteB)}");
            Assert.True(!finished || (isA ? "A" : "B") == target, $"a build of site {target} finished, but the folder holds the other");
            outcomes.Add($"{delay.TotalMilliseconds:0} ms: {(finished ? "finished" : "killed")}, {(isA ? "A" : "B")}");
        }

        log.WriteLine(string.Join("\n", outcomes));
        // Some kills must land while the next site was being written, or the test proved little.
        // (Which of A and B each left depends on the machine's speed, so it is logged, not asserted.)
        Assert.Contains(outcomes, o => o.Contains("killed", StringComparison.Ordinal));

        // The next build recovers without help, and leaves nothing beside the output.
        SetName(site, "Site B");
        program.Build().AssertSucceeded();
        Assert.True(Same(Snapshot(site.Output), siteB));
        Assert.Equal(["_site", "input", "theme"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixShellFact]
    public void A_second_build_into_the_same_folder_is_refused_while_another_process_holds_it()
    {
        // This process holds the folder's lock, as a running build does, so the program run next is
        // refused every time. (Racing two real builds would depend on the machine's speed: on a fast
        // one the first could finish before the second asked.)
        using var site = new FixtureSite();
        var program = new Program(site.Root);
        program.Build().AssertSucceeded();
        var before = Snapshot(site.Output);

        Run second;
        using (OutputFolder.Open(site.Output))
        {
            second = program.Build();
        }

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("error SS010: another build is writing to _site now; wait for it to finish, then build again", second.Output, StringComparison.Ordinal);
        Assert.True(Same(Snapshot(site.Output), before));
        program.Build().AssertSucceeded();
    }

    [Fact]
    public void A_lock_held_in_this_process_refuses_a_build_too()
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        using (OutputFolder.Open(site.Output))
        {
            var refused = site.Build();
            Assert.Equal("SS010", Assert.Single(refused.Errors).Code);
        }

        Assert.True(site.Build().Succeeded);
    }

    [UnixShellFact]
    public void A_disk_that_fills_up_is_an_error_naming_the_file_and_the_old_site_stays()
    {
        using var site = new FixtureSite();
        var program = new Program(site.Root);
        program.Build().AssertSucceeded();
        var before = Snapshot(site.Output);
        site.Write("input/guide/article.md", File.ReadAllText(Path.Combine(site.Root, "input", "guide", "article.md")) + "\nA change.\n");

        // A limit of 1 KB a file: the system refuses to write the changed page (EFBIG), as a full
        // disk would (ENOSPC). The runtime's own double-mapped code memory would hit the limit too,
        // so that is turned off for this run.
        var full = program.Build("ulimit -f 1; trap '' XFSZ; export DOTNET_EnableWriteXorExecute=0;");

        Assert.Equal(1, full.ExitCode);
        Assert.Contains("_site/guide/article/index.html: error SS011: could not write guide/article/index.html: ", full.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Output, StringComparison.Ordinal);
        Assert.True(Same(Snapshot(site.Output), before));
        Assert.False(Directory.Exists(OutputFolder.Beside(site.Output, "next")));
        program.Build().AssertSucceeded();
    }

    [Fact]
    public void A_next_site_that_cannot_be_begun_is_an_error_and_the_old_site_stays()
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var before = Snapshot(site.Output);
        File.WriteAllText(OutputFolder.Beside(site.Output, "next"), "a file where the next site would go");

        var result = site.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal("SS011", error.Code);
        Assert.StartsWith("could not begin the new site beside _site: ", error.Message, StringComparison.Ordinal);
        Assert.True(Same(Snapshot(site.Output), before));
    }

    [Fact]
    public void An_output_path_that_is_a_link_is_refused()
    {
        using var elsewhere = new TempDir();
        using var site = new FixtureSite();
        Directory.CreateSymbolicLink(site.Output, elsewhere.Path);

        var result = site.Build();

        Assert.Contains("is a link or a file", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    private static void AddPages(FixtureSite site, int count = Pages)
    {
        for (var i = 1; i <= count; i++)
        {
            site.Write($"input/guide/p{i:0000}.md", $"---\ntitle: Page {i}\ndescription: Page number {i}.\nlayout: page\n---\n\nThis is page {i}. It has a few short sentences.\n\n## A section\n\nMore words on page {i}.\n");
        }
    }

    private static void SetName(FixtureSite site, string name)
    {
        var config = Path.Combine(site.Root, "input", "site.yml");
        var lines = File.ReadAllLines(config);
        lines[0] = $"name: {name}";
        File.WriteAllLines(config, lines);
    }

    /// <summary>Every file but the marker (whose manifest records modified times), with a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => Path.GetFileName(f) != OutputFolder.Marker)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var hash) && hash == f.Value);

    private static string Difference(Dictionary<string, string> now, Dictionary<string, string> a, Dictionary<string, string> b)
    {
        var fromA = now.Count(f => a.GetValueOrDefault(f.Key) == f.Value);
        var fromB = now.Count(f => b.GetValueOrDefault(f.Key) == f.Value);
        return $"{now.Count} files, {fromA} as in A, {fromB} as in B";
    }

    private static void WaitForNextSite(string output, Process build)
    {
        var next = OutputFolder.Beside(output, "next");
        var waited = Stopwatch.StartNew();
        while (!Directory.Exists(next) && !build.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(1);
        }

        Assert.True(Directory.Exists(next), "the build never began its next site");
    }

    /// <summary>The generator run as a program, as hosts run it, from the copy beside the tests.</summary>
    private sealed class Program(string siteRoot)
    {
        private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "StaticSite.dll");

        public Process Start(string? shellPrefix = null)
        {
            var command = $"dotnet \"{Dll}\" build --today 2026-11-23";
            var start = new ProcessStartInfo("/bin/bash", ["-c", $"{shellPrefix} exec {command}"])
            {
                WorkingDirectory = siteRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Start-up matters more than peak speed for these short builds.
            start.Environment["DOTNET_TieredCompilation"] = "1";
            return Process.Start(start)!;
        }

        public Run Build(string? shellPrefix = null)
        {
            using var process = Start(shellPrefix);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new Run(process.ExitCode, output.Result + error.Result);
        }

        /// <summary>A whole build, and how long it wrote for: from the next site's start to the end.</summary>
        public (Run Run, TimeSpan Writing) BuildTimingTheWrite(string output)
        {
            using var process = Start();
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            WaitForNextSite(output, process);
            var writing = Stopwatch.StartNew();
            process.WaitForExit();
            var texts = drain.Result;
            var run = new Run(process.ExitCode, texts[0] + texts[1]);
            run.AssertSucceeded();
            return (run, writing.Elapsed);
        }

        /// <summary>Starts a build and kills it (SIGKILL) <paramref name="delay"/> after its next site is begun; true if it finished first.</summary>
        public bool BuildAndKill(string output, TimeSpan delay)
        {
            using var process = Start();
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            WaitForNextSite(output, process);
            var finished = process.WaitForExit(delay);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            drain.Wait();
            return finished;
        }
    }

    private sealed record Run(int ExitCode, string Output)
    {
        public void AssertSucceeded() => Assert.True(ExitCode == 0, $"exit {ExitCode}:\n{Output}");
    }
}

/// <summary>These tests drive the program through /bin/bash (for its ulimit and exec); skipped, with the reason, without one.</summary>
public sealed class UnixShellFactAttribute : FactAttribute
{
    public UnixShellFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
        {
            Skip = "needs /bin/bash to run, limit and kill the build as a program";
        }
    }
}
