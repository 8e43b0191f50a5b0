using StaticSite.Checks;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Glossary;
using StaticSite.Images;
using StaticSite.Incremental;
using StaticSite.Markdown;
using StaticSite.PlainEnglish;
using StaticSite.Render;
using StaticSite.Output;
using StaticSite.Resolve;
using StaticSite.Search;
using StaticSite.Taxonomies;
using StaticSite.Templates;

namespace StaticSite;

public sealed record PageReadability(string Path, ReadabilityScore Score);

public sealed record BuildResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StageTiming> Timings, int PageCount, IReadOnlyDictionary<string, byte[]> Files)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>Flesch scores of every article's prose, in path order.</summary>
    public IReadOnlyList<PageReadability> Readability { get; init; } = [];

    /// <summary>The reading ease the site aims for (site.yml <c>min_reading_ease</c>).</summary>
    public double MinReadingEase { get; init; } = Markdown.Readability.DefaultMinimumReadingEase;
}

/// <summary>
/// The whole build, in the order it happens. Each stage is one folder of the code; each is timed.
/// Pages go into the next site, beside the output, as they are rendered; it replaces the output
/// folder whole, and only once every check has passed.
/// </summary>
public static class Site
{
    public static BuildResult Build(BuildOptions options) => Build(options, null);

    /// <param name="cache">In <c>serve</c>, what earlier builds made, each result keyed by what it was made from (see <see cref="BuildCache"/>).</param>
    public static BuildResult Build(BuildOptions options, BuildCache? cache)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock(options.StageStarted);
        IReadOnlyList<PageReadability> readability = [];
        var minReadingEase = Readability.DefaultMinimumReadingEase;
        IReadOnlyList<Diagnostic> Sorted() => cache is null ? diagnostics.Sorted() : cache.LastDiagnostics = diagnostics.Sorted(cache.LastDiagnostics);
        BuildResult Fail(int pages = 0) => new(false, Sorted(), clock.Timings, pages, new Dictionary<string, byte[]>()) { Readability = readability, MinReadingEase = minReadingEase };

        // config: site.yml and the command line; the output folder is checked and claimed before anything is read
        var (context, output) = clock.Time("config", () => Configure(options, diagnostics));
        using var claimed = output;
        if (context is null)
        {
            return Fail();
        }

        minReadingEase = context.Config.MinReadingEase;
        cache?.Begin(context);

        // theme: layouts, partials and fingerprinted assets, parsed on another thread while
        // input/ is read and processed (its time below is only what is left to wait for)
        var loadingTheme = Task.Run(() => cache is null ? LoadTheme(context) : cache.Theme(context, LoadTheme));

        // read: input/ → documents (front matter, URL), the glossary, taxonomy pages, data files,
        // redirects from aliases; each page's Markdown waits apart, so the process stage can let
        // each go once it is used
        var (input, bodies, glossary, data, redirects) = clock.Time("read", () => Read(context, ThemeTemplates.LayoutNamesIn(context.ThemeDir), cache));
        cache?.End();

        // process: Markdown → HTML fragments, links resolved, plain English checked; readability scored
        var images = new ImageCatalog(context.InputDir);
        var processed = clock.Time("process", () => Process(context, input, bodies, glossary, images, cache));
        var pageCount = processed.Count;
        readability = clock.Time("readability", () => ScoreReadability(context, processed));

        // From here on pages are known by what processing made of them, without their Markdown, and
        // their HTML fragments wait apart, so the render stage can let each go once it is used.
        input = input with { Pages = [.. processed.Select(p => p.Source)] };
        var fragments = processed.Select(p => (byte[]?)p.Html).ToArray();
        processed = [.. processed.Select(p => p with { Html = [] })];

        var (theme, assetHrefs, assetFiles) = clock.Time("theme", () => loadingTheme.GetAwaiter().GetResult());

        // resolve: the whole site indexed once — navigation, hubs, related pages, structured data
        var (graph, views, siteView) = clock.Time("resolve", () =>
        {
            var graph = SiteGraph.Build(context.Config, processed, input.LeftOut);
            SiteResolver.CheckNavigation(context, graph, context.Display(Path.Combine(context.InputDir, SiteConfig.FileName)));
            glossary.ReportUnused(diagnostics, processed);
            return (graph, SiteResolver.Resolve(context, graph, cache?.ViewsFor(context, graph)), SiteResolver.SiteView(context, graph, assetHrefs) with { Data = data });
        });
        if (diagnostics.HasErrors)
        {
            return Fail(pageCount);
        }

        // publish: every file the site will have, with the sitemap, feed, robots.txt, redirect
        // pages and search index, made before rendering so that each page can be checked against
        // all of them; and the next site begun beside the output, for pages to go into as they are rendered
        var (files, redirectPages, search, next) = clock.Time("publish", () =>
        {
            // The sitemap, feed and redirect pages are made on one thread while the search index
            // reads every page on the others: neither reads what the other makes.
            var publishing = Task.Run(() => Publish(context, input, redirects, assetFiles, images.Variants, cache));
            var search = SearchIndex.Build(context, processed, fragments, glossary, cache);
            var (files, redirectPages) = publishing.GetAwaiter().GetResult();
            AddGeneratedFiles(context, files, search.Files);
            return (files, redirectPages, search, Begin(context, output, cache));
        });
        siteView = siteView with { Search = search.View };
        using var discardedIfFailed = next;
        var checker = new PageChecker(context, files.Keys.ToHashSet(StringComparer.Ordinal));

        // render: Liquid layouts → full pages, each checked (see PageHtml) and put in the next site as it is made
        var pages = clock.Time("render", () => RenderStage.Run(context, theme, graph, views, fragments, siteView, checker, next,
            cache?.RenderKeysFor(context, graph, views, fragments, siteView, files.Keys)));

        cache?.Rendered();

        // check: the redirect pages, then the site as a whole (links, fragments, titles) over every page's facts
        clock.Time("check", () =>
        {
            var facts = pages.Select(p => p.Facts).Concat(redirectPages.AsParallel().AsOrdered().Select(checker.Inspect)).ToList();
            checker.CheckSite(facts);
        });
        if (diagnostics.HasErrors || next is null)
        {
            return diagnostics.HasErrors ? Fail(pageCount) : Succeed(pageCount, files);
        }

        // write: only now, the rest of the files, then the next site swapped in for the old one whole
        if (!clock.Time("write", () => WriteStage.Run(context, next, files.Entries, [.. pages.Select(p => p.Written!)])))
        {
            // Files written in place before the failure are not what the session last wrote.
            cache?.Wrote(null);
            return Fail(pageCount);
        }

        cache?.Wrote(next.Written);

        foreach (var page in pages)
        {
            files.Put(page.OutputPath, new OutputFile.OnDisk(Path.Combine(context.OutputDir, page.OutputPath)));
        }

        return Succeed(pageCount, files);

        BuildResult Succeed(int pages, OutputFiles files) =>
            new(true, Sorted(), clock.Timings, pages, files) { Readability = readability, MinReadingEase = minReadingEase };
    }

    private static (ThemeTemplates Templates, IReadOnlyDictionary<string, string> Hrefs, IReadOnlyDictionary<string, byte[]> Files) LoadTheme(BuildContext context)
    {
        var (hrefs, files) = ThemeAssets.Load(context);
        return (ThemeTemplates.Load(context), hrefs, files);
    }

    private static (BuildContext? Context, OutputFolder? Output) Configure(BuildOptions options, DiagnosticBag diagnostics)
    {
        var siteRoot = Path.GetFullPath(options.SiteRoot);
        if (!Directory.Exists(options.ResolvedInput))
        {
            diagnostics.Error(Codes.InputMissing, $"input folder {BuildContext.DisplayPath(siteRoot, options.ResolvedInput)} does not exist");
            return (null, null);
        }

        var configPath = BuildContext.DisplayPath(siteRoot, Path.Combine(options.ResolvedInput, SiteConfig.FileName));
        var config = SiteConfig.Load(options.ResolvedInput, configPath, diagnostics, options.BasePath, options.Url);
        if (config is null)
        {
            return (null, null);
        }

        // A build that only checks never touches the output folder, so it may run beside another build.
        var context = new BuildContext(options, config, diagnostics);
        if (!options.WriteOutput)
        {
            return (context, null);
        }

        var output = OutputFolder.Claim(context);
        return output is null ? (null, null) : (context, output);
    }

    /// <summary>
    /// The next site: begun beside the output folder, or, in a <c>serve</c> whose last build is still
    /// what the folder holds, written in place (only changed files); null when the build only checks
    /// or it cannot be begun.
    /// </summary>
    private static INextSite? Begin(BuildContext context, OutputFolder? output, BuildCache? cache)
    {
        if (output is null)
        {
            return null;
        }

        try
        {
            return cache?.Written is { } written && written.StillOnDisk(output.Root)
                ? new InPlaceSite(output.Root, written)
                : StagedSite.Begin(output);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            context.Diagnostics.Error(Codes.OutputWrite, $"could not begin the new site beside {context.Display(output.Root)}: {e.Message}");
            return null;
        }
    }

    /// <returns>The pages without their Markdown, which is in <c>Bodies</c> (same order).</returns>
    private static (InputSite Input, PageBody?[] Bodies, GlossaryIndex Glossary, IReadOnlyDictionary<string, object?> Data, IReadOnlyList<Redirect> Redirects) Read(BuildContext context, IReadOnlySet<string> layoutNames, BuildCache? cache)
    {
        var input = Reader.Read(context, layoutNames, cache);
        // The glossary and data files are part of the environment: in serve they are read again only when it changes.
        var glossary = cache is null ? GlossaryIndex.Load(context) : cache.Glossaries.Get("glossary", cache.Environment, context.Diagnostics, own => GlossaryIndex.Load(context.WithDiagnostics(own)));
        input = input with { Pages = SearchPage.WithPage(context, TaxonomyPages.With(context, glossary.WithPage(input.Pages), layoutNames), layoutNames) };
        CheckUniqueUrls(context, input.Pages);
        // Nothing may keep a page's Markdown but the array: every other reference (a stack slot
        // holding this stage's result, say) would hold it until the build ends, 185 MB at 10,000.
        var read = input.Bodies;
        var bodies = input.Pages.Select(p => read.GetValueOrDefault(p.SourcePath) ?? PageBody.Of(p.Body)).ToArray<PageBody?>();
        // The reader's pages come without their Markdown already; only a page made with one is copied.
        input = input with { Pages = [.. input.Pages.Select(p => p.Body.Length == 0 ? p : p with { Body = "" })], Bodies = new Dictionary<string, PageBody>() };
        var data = cache is null ? DataFiles.Load(context) : cache.Data.Get("data", cache.Environment, context.Diagnostics, own => DataFiles.Load(context.WithDiagnostics(own)));
        return (input, bodies, glossary, data, Redirects.FromAliases(context, input.Pages, input.Files));
    }

    private static IReadOnlyList<ProcessedPage> Process(BuildContext context, InputSite input, PageBody?[] bodies, GlossaryIndex glossary, ImageCatalog images, BuildCache? cache)
    {
        var pagesBySource = input.Pages.ToDictionary(p => p.SourcePath, StringComparer.Ordinal);
        var staticFiles = input.Files.Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal);
        var dialect = MarkdownDialect.Create();
        var plainEnglish = PlainEnglishRules.For(context.Config);
        var processor = new MarkdownProcessor(context, dialect, pagesBySource, staticFiles, input.LeftOut, plainEnglish, glossary, images);
        var environment = cache?.ProcessEnvironment(input);
        return input.Pages.AsParallel().AsOrdered().Select((page, index) =>
        {
            var body = bodies[index]?.Text() ?? "";
            bodies[index] = null;
            if (cache is null || !cache.TextKeys.TryGetValue(page.SourcePath, out var text))
            {
                return processor.Process(page with { Body = body });
            }

            // Kept from the last build when neither the file nor the site's shape has changed; the
            // images it shows are named again, so their smaller copies are still made.
            return cache.Process(page.SourcePath, environment!.Value, text, context.Diagnostics, images, own =>
            {
                var shown = new List<string>();
                var result = new MarkdownProcessor(context.WithDiagnostics(own), dialect, pagesBySource, staticFiles, input.LeftOut, plainEnglish, glossary, images, shown.Add)
                    .Process(page with { Body = body });
                return (result, shown);
            });
        }).ToList();
    }

    private static (OutputFiles Files, IReadOnlyList<RenderedPage> RedirectPages) Publish(
        BuildContext context, InputSite input, IReadOnlyList<Redirect> redirects, IReadOnlyDictionary<string, byte[]> assetFiles, IReadOnlyList<ImageVariant> imageCopies, BuildCache? cache)
    {
        // Pages take their place now and their bytes when rendered, so a generated file that would
        // replace one is still caught below.
        var files = new OutputFiles();
        foreach (var page in input.Pages)
        {
            files[page.OutputPath] = [];
        }

        foreach (var (path, bytes) in assetFiles)
        {
            files[path] = bytes;
        }

        // Static files stay on disk: the check needs only their paths, and the write stage copies them.
        foreach (var file in input.Files)
        {
            files.Put(file.SourcePath, new OutputFile.OnDisk(file.FullPath));
        }

        // Smaller copies of the images pages show: named now, for srcset and the checks; made when written.
        foreach (var copy in imageCopies)
        {
            if (!files.TryAdd(copy.OutputPath, new OutputFile.Resized(copy)))
            {
                context.Diagnostics.Error(Codes.DuplicateUrl, $"the build makes {copy.OutputPath} itself (a smaller copy of an image); remove or rename this file", context.Display(Path.Combine(context.InputDir, copy.OutputPath)));
            }
        }

        // The sitemap, feed and redirects show only front matter and places: in serve they are kept until one changes.
        var published = cache is null
            ? Publishing.Build(context.Config, input.Pages, redirects)
            : cache.Published.Get("site", cache.PublishedKey(input.Files), context.Diagnostics, _ => Publishing.Build(context.Config, input.Pages, redirects));
        AddGeneratedFiles(context, files, published.Files);
        return (files, published.RedirectPages);
    }

    /// <summary>Health information must be easy to read: score each article, warn below the bar.</summary>
    private static IReadOnlyList<PageReadability> ScoreReadability(BuildContext context, IReadOnlyList<ProcessedPage> pages)
    {
        var scores = pages
            .Where(p => p.Readability is not null)
            .Select(p => new PageReadability(p.Source.DisplayPath, p.Readability!))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
        var minimum = context.Config.MinReadingEase;
        foreach (var (path, score) in scores.Where(s => s.Score.ReadingEase < minimum))
        {
            context.Diagnostics.Warning(Codes.Readability,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"reading ease {score.ReadingEase:0.0} is below {minimum:0}: use shorter sentences and plainer words (grade {score.Grade:0.0})"),
                path);
        }

        return scores;
    }

    /// <summary>A file in input/ must not silently replace (or be replaced by) one the build makes.</summary>
    private static void AddGeneratedFiles(BuildContext context, IDictionary<string, byte[]> files, IReadOnlyDictionary<string, byte[]> generated)
    {
        foreach (var (path, bytes) in generated)
        {
            if (!files.TryAdd(path, bytes))
            {
                context.Diagnostics.Error(Codes.DuplicateUrl, $"the build makes {path} itself; remove or rename this file", context.Display(Path.Combine(context.InputDir, path)));
            }
        }
    }

    private static void CheckUniqueUrls(BuildContext context, IReadOnlyList<SourceDocument> pages)
    {
        foreach (var group in pages.GroupBy(p => p.OutputPath).Where(g => g.Count() > 1))
        {
            var names = string.Join(" and ", group.Select(p => p.DisplayPath).Order(StringComparer.Ordinal));
            foreach (var page in group)
            {
                context.Diagnostics.Error(Codes.DuplicateUrl, $"two pages would be published at {page.SitePath}: {names}", page.DisplayPath, 1, 1);
            }
        }
    }
}
