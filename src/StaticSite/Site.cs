using System.Diagnostics;
using System.Text;
using StaticSite.Checks;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Glossary;
using StaticSite.Markdown;
using StaticSite.PlainEnglish;
using StaticSite.Output;
using StaticSite.Resolve;
using StaticSite.Templates;

namespace StaticSite;

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

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
/// Nothing is written until every check has passed.
/// </summary>
public static class Site
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        T Time<T>(string stage, Func<T> run)
        {
            var watch = Stopwatch.StartNew();
            var result = run();
            timings.Add(new StageTiming(stage, watch.Elapsed));
            return result;
        }

        IReadOnlyList<PageReadability> readability = [];
        var minReadingEase = Readability.DefaultMinimumReadingEase;
        BuildResult Fail(int pages = 0) => new(false, diagnostics.Sorted(), timings, pages, new Dictionary<string, byte[]>()) { Readability = readability, MinReadingEase = minReadingEase };

        var siteRoot = Path.GetFullPath(options.SiteRoot);
        if (!Directory.Exists(options.ResolvedInput))
        {
            diagnostics.Error(Codes.InputMissing, $"input folder {BuildContext.DisplayPath(siteRoot, options.ResolvedInput)} does not exist");
            return Fail();
        }

        var configPath = BuildContext.DisplayPath(siteRoot, Path.Combine(options.ResolvedInput, SiteConfig.FileName));
        var config = SiteConfig.Load(options.ResolvedInput, configPath, diagnostics, options.BasePath, options.Url);
        if (config is null)
        {
            return Fail();
        }

        var context = new BuildContext(options, config, diagnostics);
        minReadingEase = config.MinReadingEase;
        if (!OutputWriter.CheckOutputFolder(context))
        {
            return Fail();
        }

        // read: input/ → documents (front matter, body, URL)
        var theme = Time("theme", () => ThemeTemplates.Load(context));
        var (assetHrefs, assetFiles) = ThemeAssets.Load(context);
        var input = Time("read", () => Reader.Read(context, theme.LayoutNames));
        var glossary = Time("glossary", () => GlossaryIndex.Load(context));
        input = input with { Pages = glossary.WithPage(input.Pages) };
        CheckUniqueUrls(context, input.Pages);
        var redirects = Redirects.FromAliases(context, input.Pages, input.Files);

        // process: Markdown → HTML fragments, with links resolved against every page's URL
        var pagesBySource = input.Pages.ToDictionary(p => p.SourcePath, StringComparer.Ordinal);
        var staticFiles = input.Files.Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal);
        var processor = new MarkdownProcessor(context, MarkdownPipelineFactory.Create(), pagesBySource, staticFiles, input.Drafts, PlainEnglishRules.For(context.Config), glossary);
        var processed = Time("process", () => input.Pages.AsParallel().AsOrdered().Select(processor.Process).ToList());
        readability = ScoreReadability(context, processed);

        // resolve: the whole site at once — navigation, hubs, related pages, structured data
        var views = Time("resolve", () =>
        {
            SiteResolver.CheckNavigation(context, processed, configPath);
            glossary.ReportUnused(diagnostics, processed);
            return SiteResolver.Resolve(context, processed);
        });
        if (diagnostics.HasErrors)
        {
            return Fail(processed.Count);
        }

        // render: Liquid layouts → full pages
        var rendered = Time("render", () => processed.AsParallel().AsOrdered().Select(page =>
        {
            var site = SiteResolver.SiteViewFor(context, processed, page.Source.SitePath, assetHrefs);
            string html;
            try
            {
                html = theme.Render(page.Source.Layout, site, views[page], page.Html);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
            {
                diagnostics.Error(Codes.Template, $"layout '{page.Source.Layout}' failed: {e.Message}", page.Source.DisplayPath);
                html = "";
            }

            return new RenderedPage(page.Source.OutputPath, html, page.Source.DisplayPath, page.Links);
        }).ToList());

        var files = new OutputFiles();
        foreach (var page in rendered)
        {
            files[page.OutputPath] = Encoding.UTF8.GetBytes(page.Html);
        }

        foreach (var (path, bytes) in assetFiles)
        {
            files[path] = bytes;
        }

        // Static files stay on disk: the check needs only their paths, and the write stage copies them.
        foreach (var file in input.Files)
        {
            files.Put(file.SourcePath, new OutputFile.Copied(file.FullPath));
        }

        // publish: sitemap, feed, robots.txt and redirects, made before the check so it sees them too
        var published = Time("publish", () => Publishing.Build(context.Config, input.Pages, redirects));
        AddGeneratedFiles(context, files, published.Files);

        // check: AngleSharp over every final page, then the site as a whole
        Time("check", () =>
        {
            PageChecks.Run(context, [.. rendered, .. published.RedirectPages], files.Keys.ToHashSet(StringComparer.Ordinal));
            return 0;
        });
        if (diagnostics.HasErrors)
        {
            return Fail(processed.Count);
        }

        // write: only now, and only inside the output folder
        Time("write", () => OutputWriter.Write(context.OutputDir, files.Entries));
        return new BuildResult(true, diagnostics.Sorted(), timings, processed.Count, files) { Readability = readability, MinReadingEase = minReadingEase };
    }

    /// <summary>Health information must be easy to read: score each article, warn below the bar.</summary>
    private static IReadOnlyList<PageReadability> ScoreReadability(BuildContext context, IReadOnlyList<ProcessedPage> pages)
    {
        var scores = pages
            .Where(p => p.Source.IsArticle)
            .Select(p => new PageReadability(p.Source.DisplayPath, Readability.Score(p.Prose)))
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
