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
          --timings           print how long each stage took
          --today YYYY-MM-DD  date to compare review dates with (default: today)
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
        string[] valued = ["--root", "--input", "--output", "--theme", "--base-path", "--url", "--today", "--port"];
        string[] switches = ["--drafts", "--timings"];
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
            Timings = flags.Contains("--timings"),
            Today = today,
        };

        if (command == "serve")
        {
            return PreviewServer.Run(options, port, stdout, stderr);
        }

        return Build(options, stdout, stderr) ? 0 : 1;
    }

    /// <summary>Runs one build and reports it the way compilers do, so editors can jump to each line.</summary>
    public static bool Build(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        var result = Site.Build(options);
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? stderr : stdout).WriteLine(diagnostic.ToString());
        }

        if (result.Readability.Count > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Readability of articles (Flesch reading ease, higher is easier, aim for {result.MinReadingEase:0}+; Flesch-Kincaid grade):"));
            foreach (var (path, score) in result.Readability)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {score.ReadingEase,5:0.0}  grade {score.Grade,4:0.0}  {path}"));
            }
        }

        if (options.Timings)
        {
            foreach (var timing in result.Timings)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {timing.Stage,-8} {timing.Elapsed.TotalMilliseconds,8:0.0} ms"));
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-8} {result.Timings.Sum(t => t.Elapsed.TotalMilliseconds),8:0.0} ms"));
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
}
