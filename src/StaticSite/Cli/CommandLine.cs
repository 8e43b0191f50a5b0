using System.Globalization;
using StaticSite.Diagnostics;
using StaticSite.Preview;

namespace StaticSite.Cli;

/// <summary>
/// <c>build</c> and <c>serve</c>, with a hand-written parser: two commands and a handful of
/// options do not need a framework, and the help text below is the whole interface.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        StaticSite: builds the accessible health site in input/ with the theme in theme/.

        Usage:
          StaticSite build [options]      build the site into the output folder
          StaticSite serve [options]      build, serve on http://127.0.0.1:PORT/, rebuild on change

        Options:
          --root DIR          folder holding input/ and theme/ (default: current folder)
          --input DIR         content folder (default: ROOT/input)
          --output DIR        output folder (default: ROOT/_site)
          --theme DIR         theme folder (default: ROOT/theme)
          --base-path PATH    serve the site under PATH, e.g. /my-repo/ (default: site.yml base_path)
          --url URL           production origin, e.g. https://example.org (default: site.yml url)
          --drafts            include pages with 'draft: true'
          --future            include pages whose publish_date is after today
          --expired           include pages whose expiry_date has come
          --timings           print how long each stage took and what it allocated
          --readability-report FILE
                              write every article's readability scores to FILE (the console
                              lists all of them up to 20 articles, the 20 hardest above that)
          --today YYYY-MM-DD  date to compare review, publish and expiry dates with (default: today)
          --port N            port for serve (default: 8080)
          -h, --help          show this help

        Exit codes: 0 built, 1 the input has errors (nothing written), 2 bad command line.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var command = args[0];
        if (command is not ("build" or "serve"))
        {
            stderr.WriteLine($"unknown command '{command}'. Run with --help to see the commands.");
            return 2;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] valued = ["--root", "--input", "--output", "--theme", "--base-path", "--url", "--today", "--port", "--readability-report"];
        string[] switches = ["--drafts", "--future", "--expired", "--timings"];
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (name is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }

            if (valued.Contains(name))
            {
                if (eq > 0)
                {
                    values[name] = arg[(eq + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    values[name] = args[++i];
                }
                else
                {
                    stderr.WriteLine($"option {name} needs a value. Run with --help for usage.");
                    return 2;
                }
            }
            else if (switches.Contains(name))
            {
                flags.Add(name);
            }
            else
            {
                stderr.WriteLine($"unknown option '{arg}'. Run with --help for usage.");
                return 2;
            }
        }

        DateOnly? today = null;
        if (values.TryGetValue("--today", out var todayText))
        {
            if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                stderr.WriteLine($"--today must be a date written YYYY-MM-DD, not '{todayText}'");
                return 2;
            }

            today = parsed;
        }

        var port = 8080;
        if (values.TryGetValue("--port", out var portText) && (!int.TryParse(portText, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            stderr.WriteLine($"--port must be a number from 1 to 65535, not '{portText}'");
            return 2;
        }

        var options = new BuildOptions
        {
            SiteRoot = Path.GetFullPath(values.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory()),
            InputDir = values.GetValueOrDefault("--input"),
            OutputDir = values.GetValueOrDefault("--output"),
            ThemeDir = values.GetValueOrDefault("--theme"),
            BasePath = values.GetValueOrDefault("--base-path"),
            Url = values.GetValueOrDefault("--url"),
            IncludeDrafts = flags.Contains("--drafts"),
            IncludeFuture = flags.Contains("--future"),
            IncludeExpired = flags.Contains("--expired"),
            Timings = flags.Contains("--timings"),
            Today = today,
        };

        if (command == "serve")
        {
            return PreviewServer.Run(options, port, stdout, stderr);
        }

        return Build(options, stdout, stderr, values.GetValueOrDefault("--readability-report")) ? 0 : 1;
    }

    /// <summary>Runs one build and reports it the way compilers do, so editors can jump to each line.</summary>
    public static bool Build(BuildOptions options, TextWriter stdout, TextWriter stderr, string? readabilityReport = null)
    {
        // Start-up (the runtime loading and reaching Main) is part of what a user waits for, so --timings shows it.
        var startup = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        var result = Site.Build(options);
        var reportClock = System.Diagnostics.Stopwatch.StartNew();
        var reportAllocated = GC.GetTotalAllocatedBytes(precise: false);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? stderr : output).WriteLine(diagnostic.ToString());
        }

        WriteReadability(result, output, readabilityReport, stderr);
        stdout.Write(output.ToString());

        if (options.Timings)
        {
            var report = new StageTiming("report", reportClock.Elapsed, GC.GetTotalAllocatedBytes(precise: false) - reportAllocated);
            StageTiming[] stages = [new("start-up", startup), .. result.Timings, report];
            stdout.WriteLine("  stage           time    allocated");
            foreach (var timing in stages)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {timing.Stage,-11} {timing.Elapsed.TotalMilliseconds,8:0.0} ms {timing.AllocatedBytes / 1048576.0,8:0.0} MB"));
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-11} {stages.Sum(t => t.Elapsed.TotalMilliseconds),8:0.0} ms {stages.Sum(t => t.AllocatedBytes) / 1048576.0,8:0.0} MB"));
        }

        var errors = result.Errors.Count();
        var warnings = result.Diagnostics.Count - errors;
        if (result.Succeeded)
        {
            stdout.WriteLine($"Built {result.PageCount} pages ({result.Files.Count} files) into {BuildContext.DisplayPath(options.SiteRoot, options.ResolvedOutput)}" +
                (warnings > 0 ? $", with {warnings} warning{(warnings == 1 ? "" : "s")}." : "."));
        }
        else
        {
            stderr.WriteLine($"Build failed: {errors} error{(errors == 1 ? "" : "s")}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")}. Nothing was written; {BuildContext.DisplayPath(options.SiteRoot, options.ResolvedOutput)} is as it was.");
        }

        return result.Succeeded;
    }

    /// <summary>Above this many articles the console shows the hardest to read only, not thousands of lines.</summary>
    public const int ReadabilityTableLimit = 20;

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
