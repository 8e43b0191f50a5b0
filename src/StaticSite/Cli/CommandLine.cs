using StaticSite.Diagnostics;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using StaticSite.Incremental;
using StaticSite.Preview;

namespace StaticSite.Cli;

/// <summary>
/// The commands, on System.CommandLine: <c>build</c>, <c>check</c>, <c>serve</c> and
/// <c>new article</c>, with help generated from the definitions below. Exit codes are the
/// same for every command: 0 done, 1 the input has errors, 2 a bad command line.
/// </summary>
public static class CommandLine
{
    public const int Succeeded = 0;
    public const int InputErrors = 1;
    public const int BadCommandLine = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new Terminal(stdout, stderr));

    public static int Run(string[] args, Terminal terminal)
    {
        // "help" and "help build" read as --help, as the old parser took them.
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var root = Define(terminal);
        if (args.Length == 0)
        {
            // No command: say what there is, and fail, so a script missing its command is noticed.
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error });
            return BadCommandLine;
        }

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction || (parsed.Errors.Count > 0 && parsed.Action is not HelpAction))
        {
            foreach (var error in parsed.Errors)
            {
                terminal.Error.WriteLine(error.Message);
            }

            terminal.Error.WriteLine("Run with --help for usage.");
            return BadCommandLine;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error });
    }

    /// <summary>The options every site command takes: where things are and how to build them.</summary>
    private sealed class SiteOptions
    {
        public Option<string?> Root { get; } = new("--root") { Description = "folder holding input/ and theme/ (default: current folder)", HelpName = "DIR" };
        public Option<string?> Input { get; } = new("--input") { Description = "content folder (default: ROOT/input)", HelpName = "DIR" };
        public Option<string?> Output { get; } = new("--output") { Description = "output folder (default: ROOT/_site)", HelpName = "DIR" };
        public Option<string?> Theme { get; } = new("--theme") { Description = "theme folder (default: ROOT/theme)", HelpName = "DIR" };
        public Option<string?> BasePath { get; } = new("--base-path") { Description = "serve the site under PATH, e.g. /my-repo/ (default: site.yml base_path)", HelpName = "PATH" };
        public Option<string?> Url { get; } = new("--url") { Description = "production origin, e.g. https://example.org (default: site.yml url)", HelpName = "URL" };
        public Option<bool> Drafts { get; } = new("--drafts") { Description = "include pages with 'draft: true'" };
        public Option<bool> Future { get; } = new("--future") { Description = "include pages whose publish_date is after today" };
        public Option<bool> Expired { get; } = new("--expired") { Description = "include pages whose expiry_date has come" };
        public Option<bool> Timings { get; } = new("--timings") { Description = "print how long each stage took and what it allocated" };
        public Option<string?> ReadabilityReport { get; } = new("--readability-report")
        {
            Description = "write every article's readability scores to FILE (the console lists all of them up to 20 articles, the 20 hardest above that)",
            HelpName = "FILE",
        };

        public Option<DateOnly?> Today { get; } = new("--today")
        {
            Description = "date to compare review, publish and expiry dates with, and to date new articles (default: today)",
            HelpName = "YYYY-MM-DD",
            CustomParser = ParseDate,
        };

        public IEnumerable<Option> All => [Root, Input, Output, Theme, BasePath, Url, Drafts, Future, Expired, Timings, ReadabilityReport, Today];

        public BuildOptions Read(ParseResult parsed) => new()
        {
            SiteRoot = Path.GetFullPath(parsed.GetValue(Root) ?? Directory.GetCurrentDirectory()),
            InputDir = parsed.GetValue(Input),
            OutputDir = parsed.GetValue(Output),
            ThemeDir = parsed.GetValue(Theme),
            BasePath = parsed.GetValue(BasePath),
            Url = parsed.GetValue(Url),
            IncludeDrafts = parsed.GetValue(Drafts),
            IncludeFuture = parsed.GetValue(Future),
            IncludeExpired = parsed.GetValue(Expired),
            Timings = parsed.GetValue(Timings),
            Today = parsed.GetValue(Today),
        };

        private static DateOnly? ParseDate(ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--today must be a date written YYYY-MM-DD, not '{text}'");
            return null;
        }
    }

    private static RootCommand Define(Terminal terminal)
    {
        var site = new SiteOptions();
        var root = new RootCommand("StaticSite: builds the accessible health site in input/ with the theme in theme/.\n" +
            "Exit codes: 0 done, 1 the input has errors (nothing written), 2 bad command line.");

        var build = new Command("build", "build the site into the output folder");
        AddAll(build, site.All);
        build.SetAction(parsed => BuildReport.Run(site.Read(parsed), terminal, parsed.GetValue(site.ReadabilityReport)) ? Succeeded : InputErrors);

        var check = new Command("check", "every step of build but the write, for editors and CI: diagnostics and the exit code, nothing written");
        AddAll(check, site.All);
        check.SetAction(parsed => BuildReport.Run(site.Read(parsed) with { WriteOutput = false }, terminal, parsed.GetValue(site.ReadabilityReport)) ? Succeeded : InputErrors);

        var port = new Option<int>("--port")
        {
            Description = "port for serve, on 127.0.0.1 only (0 picks a free one)",
            HelpName = "N",
            DefaultValueFactory = _ => 8080,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535)
                {
                    return number;
                }

                result.AddError($"--port must be a number from 0 to 65535, not '{text}'");
                return 0;
            },
        };
        var serve = new Command("serve", "build, serve on http://127.0.0.1:PORT/ with the production headers, rebuild on every change and reload open pages; a failed rebuild shows its errors on every page");
        AddAll(serve, site.All);
        serve.Add(port);
        serve.SetAction((parsed, cancel) => Task.FromResult(Serve(site.Read(parsed), parsed.GetValue(port), terminal, cancel)));

        var title = new Argument<string>("title") { Description = "the article's title, e.g. \"Knee pain when cycling\"; the file name is made from it" };
        var area = new Option<string>("--area") { Description = "where it hurts: one of the areas in input/site.yml", HelpName = "AREA", Required = true };
        var section = new Option<string?>("--section") { Description = "the folder of input/ it goes in (default: the only one with an index.md)", HelpName = "FOLDER" };
        var article = new Command("article", "write input/SECTION/SLUG.md: front matter filled in (reviewed today, next review in a year), a draft, with the symptom checklist and care cards to fill; never overwrites a file");
        article.Add(title);
        article.Add(area);
        article.Add(section);
        AddAll(article, [site.Root, site.Input, site.Today]);
        article.SetAction(parsed => NewArticle.Run(site.Read(parsed), parsed.GetValue(title)!, parsed.GetValue(area)!, parsed.GetValue(section), terminal));
        var create = new Command("new", "start a new page from an outline") { article };

        root.Add(build);
        root.Add(check);
        root.Add(serve);
        root.Add(create);
        return root;
    }

    private static void AddAll(Command command, IEnumerable<Option> options)
    {
        foreach (var option in options)
        {
            command.Add(option);
        }
    }

    private static int Serve(BuildOptions options, int port, Terminal terminal, CancellationToken cancel)
    {
        // One session for the whole preview, so each save rebuilds only what it touched.
        var stages = new StageRelay();
        var session = new BuildSession(options with { StageStarted = stages.Started });
        // After the first build, a warning already printed is not printed again on every save:
        // the author sees what this save changed (errors are always printed, as the page shows them).
        IReadOnlySet<Diagnostic>? shown = null;
        void Report(BuildResult result)
        {
            BuildReport.Write(result, options, terminal, shownBefore: shown);
            shown = result.Diagnostics.Where(d => d.Severity == Severity.Warning).ToHashSet();
        }

        PreviewServer preview;
        try
        {
            preview = PreviewServer.Start(
                new PreviewOptions { Build = options, Port = port, Rebuild = changed => BuildReport.Build(() => session.Build(changed), stages, terminal) },
                Report,
                terminal.Out);
        }
        catch (IOException e)
        {
            terminal.Error.WriteLine($"cannot serve on 127.0.0.1:{port}: {e.Message}. Is another preview running? Pick another port with --port.");
            return BadCommandLine;
        }

        using (preview)
        {
            terminal.Out.WriteLine($"Serving {preview.RootUrl} (Ctrl+C to stop). Watching input/ and theme/ for changes.");
            try
            {
                preview.Completion.Wait(cancel);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C
            }
        }

        terminal.Out.WriteLine("Stopped.");
        return Succeeded;
    }
}
