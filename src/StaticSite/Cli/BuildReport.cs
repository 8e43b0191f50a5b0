using System.Globalization;
using System.Text;
using StaticSite.Diagnostics;

namespace StaticSite.Cli;

/// <summary>
/// Runs one build and reports it the way compilers do, so editors can jump to each line:
/// errors on stderr, warnings and the readability table on stdout, then one summary line.
/// </summary>
public static class BuildReport
{
    /// <summary>Above this many articles the console shows the hardest to read only, not thousands of lines.</summary>
    public const int ReadabilityTableLimit = 20;

    /// <summary>Builds (or, without <see cref="BuildOptions.WriteOutput"/>, checks) and reports; true when there were no errors.</summary>
    public static bool Run(BuildOptions options, Terminal terminal, string? readabilityReport = null)
    {
        // Start-up (the runtime loading and reaching Main) is part of what a user waits for, so --timings shows it.
        var counters = RuntimeCounters.Now();
        var startup = new StageTiming("start-up", DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime, 0, counters.JitMethods, counters.JitTime, counters.Cpu, counters.GcPaused);
        var result = Build(options, terminal);
        Write(result, options, terminal, readabilityReport, startup);
        return result.Succeeded;
    }

    /// <summary>One build, with its progress on the terminal when a person is watching.</summary>
    public static BuildResult Build(BuildOptions options, Terminal terminal)
    {
        var progress = terminal.Progress();
        try
        {
            return Site.Build(progress is null ? options : options with { StageStarted = progress.Started });
        }
        finally
        {
            progress?.Done();
        }
    }

    /// <summary>
    /// One build by <paramref name="build"/> (a <see cref="Incremental.BuildSession"/>'s, for
    /// <c>serve</c>), with the same progress line as <see cref="Build(BuildOptions, Terminal)"/>.
    /// A session keeps the options it was made with, so its stages reach this build's progress
    /// line through <paramref name="stages"/>, which the session's options point at.
    /// </summary>
    public static BuildResult Build(Func<BuildResult> build, StageRelay stages, Terminal terminal)
    {
        var progress = terminal.Progress();
        stages.Current = progress;
        try
        {
            return build();
        }
        finally
        {
            stages.Current = null;
            progress?.Done();
        }
    }

    /// <param name="shownBefore">In <c>serve</c>, the warnings the last build printed: they are counted, not printed again, and the readability table is left out.</param>
    public static void Write(BuildResult result, BuildOptions options, Terminal terminal, string? readabilityReport = null, StageTiming? startup = null, IReadOnlySet<Diagnostic>? shownBefore = null)
    {
        var (stdout, stderr) = (terminal.Out, terminal.Error);
        var reportClock = System.Diagnostics.Stopwatch.StartNew();
        var reportStart = RuntimeCounters.Now();
        // Everything for stdout is gathered first and handed over in large blocks, the warnings
        // appended as they are, never each made a string.
        var text = new StringBuilder();
        var output = new StringWriter(text, CultureInfo.InvariantCulture);
        var repeated = 0;
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == Severity.Warning && shownBefore is not null && shownBefore.Contains(diagnostic))
            {
                repeated++;
                continue;
            }

            if (diagnostic.Severity == Severity.Error)
            {
                stderr.WriteLine(diagnostic.ToString());
            }
            else
            {
                diagnostic.AppendTo(text);
                output.WriteLine();
            }
        }

        if (shownBefore is null)
        {
            WriteReadability(result, output, readabilityReport, stderr);
        }

        foreach (var block in text.GetChunks())
        {
            stdout.Write(block.Span);
        }

        if (options.Timings)
        {
            var report = RuntimeCounters.Now().Since(reportStart, "report", reportClock.Elapsed);
            StageTiming[] stages = [.. startup is { } s ? [s] : Array.Empty<StageTiming>(), .. result.Timings, report];
            // cpu: processor time on all threads, user and system; over the stage's time, the cores it kept busy.
            stdout.WriteLine("  stage           time          cpu    allocated    GC paused   JIT-compiled");
            foreach (var timing in stages)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {timing.Stage,-11} {timing.Elapsed.TotalMilliseconds,8:0.0} ms {timing.Cpu.TotalMilliseconds,8:0} ms {timing.AllocatedBytes / 1048576.0,8:0.0} MB {timing.GcPaused.TotalMilliseconds,8:0} ms {timing.JitMethods,6} in {timing.JitTime.TotalMilliseconds,6:0.0} ms"));
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-11} {stages.Sum(t => t.Elapsed.TotalMilliseconds),8:0.0} ms {stages.Sum(t => t.Cpu.TotalMilliseconds),8:0} ms {stages.Sum(t => t.AllocatedBytes) / 1048576.0,8:0.0} MB {stages.Sum(t => t.GcPaused.TotalMilliseconds),8:0} ms {stages.Sum(t => t.JitMethods),6} in {stages.Sum(t => t.JitTime.TotalMilliseconds),6:0.0} ms"));
            // The collector's share: every stage's time above includes its pauses.
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  garbage collections: {GC.CollectionCount(0)} (generation 1: {GC.CollectionCount(1)}, generation 2: {GC.CollectionCount(2)}), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
        }

        var errors = result.Errors.Count();
        var warnings = result.Diagnostics.Count - errors;
        var folder = BuildContext.DisplayPath(options.SiteRoot, options.ResolvedOutput);
        var withWarnings = warnings == 0 ? "."
            : repeated > 0 ? $", with {Count(warnings, "warning")} ({repeated} as before, not repeated)."
            : $", with {Count(warnings, "warning")}.";
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Build failed: {Count(errors, "error")}{(warnings > 0 ? $", {Count(warnings, "warning")}" : "")}. " +
                (options.WriteOutput ? $"Nothing was written; {folder} is as it was." : "Nothing was written."));
        }
        else if (options.WriteOutput)
        {
            stdout.WriteLine($"Built {result.PageCount} pages ({result.Files.Count} files) into {folder}{withWarnings}");
        }
        else
        {
            stdout.WriteLine($"Checked {result.PageCount} pages ({result.Files.Count} files): no errors{withWarnings} Nothing was written.");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static void WriteReadability(BuildResult result, TextWriter stdout, string? reportPath, TextWriter stderr)
    {
        if (result.Readability.Count == 0)
        {
            return;
        }

        static string Row(PageReadability r) => string.Create(CultureInfo.InvariantCulture, $"  {r.Score.ReadingEase,5:0.0}  grade {r.Score.Grade,4:0.0}  {r.Path}");
        var heading = string.Create(CultureInfo.InvariantCulture, $"Readability of articles (Flesch reading ease, higher is easier, aim for {result.MinReadingEase:0}+; Flesch-Kincaid grade):");
        if (reportPath is not null)
        {
            try
            {
                File.WriteAllLines(reportPath, [heading, .. result.Readability.Select(Row)]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{reportPath}: warning SS004: cannot write the readability report: {e.Message}");
            }
        }

        if (result.Readability.Count <= ReadabilityTableLimit)
        {
            stdout.WriteLine(heading);
            foreach (var row in result.Readability)
            {
                stdout.WriteLine(Row(row));
            }

            return;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Readability: the {ReadabilityTableLimit} hardest of {result.Readability.Count} articles to read (Flesch reading ease, aim for {result.MinReadingEase:0}+; Flesch-Kincaid grade):"));
        foreach (var row in result.Readability.OrderBy(r => r.Score.ReadingEase).ThenBy(r => r.Path, StringComparer.Ordinal).Take(ReadabilityTableLimit))
        {
            stdout.WriteLine(Row(row));
        }

        stdout.WriteLine(reportPath is null
            ? "  (add --readability-report FILE for every article)"
            : $"  (every article: {reportPath})");
    }
}

/// <summary>
/// Passes a long-lived build's stages (a <see cref="Incremental.BuildSession"/> made once with
/// <see cref="Started"/> as its <see cref="BuildOptions.StageStarted"/>) to the progress line of
/// the build running now, if a person is watching it.
/// </summary>
public sealed class StageRelay
{
    private volatile StageProgress? _current;

    public StageProgress? Current
    {
        get => _current;
        set => _current = value;
    }

    public void Started(string stage) => _current?.Started(stage);
}
