using System.Collections.Concurrent;
using StaticSite.Diagnostics;
using StaticSite.Incremental;
using StaticSite.Output;

namespace StaticSite.Content;

/// <summary>A file copied as it is (images and other assets that sit beside the pages).</summary>
public sealed record StaticFile(string SourcePath, string FullPath);

/// <summary>
/// What the read stage found. <see cref="LeftOut"/> are the pages left out of this build (drafts,
/// scheduled and expired pages), by source path, each with why (see <see cref="Publication"/>).
/// <see cref="Bodies"/> holds each page's Markdown by source path, apart from the page (whose
/// <c>Body</c> is empty) so that the process stage can let each go once it is used.
/// </summary>
public sealed record InputSite(IReadOnlyList<SourceDocument> Pages, IReadOnlyList<StaticFile> Files, IReadOnlyDictionary<string, string> LeftOut)
{
    public IReadOnlyDictionary<string, PageBody> Bodies { get; init; } = new Dictionary<string, PageBody>();
}

/// <summary>
/// The read stage: walks <c>input/</c>, splits front matter from Markdown and decides each page's
/// URL. Files and folders starting with <c>_</c> or <c>.</c> are private to authors and skipped.
/// </summary>
public static class Reader
{
    /// <param name="cache">In <c>serve</c>, what the last build read: an unchanged file is not read or parsed again.</param>
    public static InputSite Read(BuildContext context, IReadOnlySet<string> availableLayouts, BuildCache? cache = null)
    {
        var diagnostics = context.Diagnostics;
        var files = InputWalk.Files(context)
            .Select(f => (Full: f.FullPath, f.Relative, f.Stamp))
            // YAML files at the top of input/ (site.yml, glossary.yml) are the site's data, not files to publish.
            .Where(f => !(f.Relative.EndsWith(".yml", StringComparison.Ordinal) && !f.Relative.Contains('/', StringComparison.Ordinal)))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var markdown = files.Where(f => f.Relative.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var defaults = DirectoryDefaults.Load(context, markdown.Select(f => FolderOf(f.Relative)).Distinct(StringComparer.Ordinal));
        var layoutsKey = cache?.LayoutsKey(availableLayouts) ?? default;
        var pages = new ConcurrentBag<SourceDocument>();
        var bodies = new ConcurrentDictionary<string, PageBody>(StringComparer.Ordinal);
        var leftOut = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(markdown, file =>
        {
            if (ReadPageSafely(context, file.Full, file.Relative, file.Stamp, availableLayouts, defaults, diagnostics, cache, layoutsKey) is not var (page, body))
            {
                return;
            }

            if (Publication.WhyLeftOut(context, page) is { } why)
            {
                leftOut[page.SourcePath] = why;
            }
            else
            {
                pages.Add(page);
                bodies[page.SourcePath] = body;
            }
        });

        var statics = files
            .Where(f => !f.Relative.EndsWith(".md", StringComparison.Ordinal) && IsReadable(context, f.Full))
            .Select(f => new StaticFile(f.Relative, f.Full))
            .ToList();

        return new InputSite(pages.OrderBy(p => p.SitePath, StringComparer.Ordinal).ToList(), statics, leftOut) { Bodies = bodies };
    }

    /// <summary>
    /// One page, read whatever is in it: an exception from reading it or its front matter becomes an
    /// error on that page, so the other pages are still read and every page's errors are reported together.
    /// </summary>
    private static (SourceDocument Page, PageBody Body)? ReadPageSafely(BuildContext context, string fullPath, string relative, FileStamp? stamp, IReadOnlySet<string> layouts, DirectoryDefaults defaults, DiagnosticBag diagnostics, BuildCache? cache, ContentKey layoutsKey)
    {
        try
        {
            return ReadPage(context, fullPath, relative, stamp, layouts, defaults, diagnostics, cache, layoutsKey);
        }
        catch (Exception e) when (PageFailure.IsRecoverable(e))
        {
            PageFailure.Report(diagnostics, context.Display(fullPath), "reading", e);
            return null;
        }
    }

    /// <summary>A static file is copied at the end of the build; one that cannot be read is reported now, with the pages' errors.</summary>
    private static bool IsReadable(BuildContext context, string fullPath)
    {
        try
        {
            using var handle = File.OpenHandle(fullPath);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(Codes.InputUnreadable, InputText.WhyUnreadable(e), context.Display(fullPath));
            return false;
        }
    }

    private static string FolderOf(string relative) => Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? "";

    /// <returns>The page without its Markdown, and the Markdown.</returns>
    private static (SourceDocument Page, PageBody Body)? ReadPage(BuildContext context, string fullPath, string relative, FileStamp? stamp, IReadOnlySet<string> layouts, DirectoryDefaults defaults, DiagnosticBag diagnostics, BuildCache? cache, ContentKey layoutsKey)
    {
        var display = context.Display(fullPath);
        if (cache is null)
        {
            // The body stays in the bytes read until the page is processed (see PageBody).
            if (InputText.ReadUtf8(fullPath, display, diagnostics) is not { } utf8)
            {
                return null;
            }

            var (yaml, body, endLine) = FrontMatter.Split(utf8);
            return Parse(context, yaml, endLine, "", relative, display, layouts, defaults, diagnostics).Page is { } document ? (document, body) : null;
        }

        // In serve: a file whose text is as last time, in the same environment, is the same page.
        if (cache.ReadText(fullPath, display, diagnostics, stamp) is not { Text: { } read, Key: var key })
        {
            return null;
        }

        cache.TextKeys[relative] = key;
        var (page, frontMatter) = cache.Documents.Get(relative, BuildCache.DocumentKey(key, layoutsKey), diagnostics, own =>
        {
            // The page is kept with its Markdown: the cache holds both for the next build.
            var (yaml, body, endLine) = FrontMatter.Split(read);
            var (parsed, _) = Parse(context, yaml, endLine, body, relative, display, layouts, defaults, own);
            return (parsed, yaml is null ? (ContentKey?)null : ContentKey.Of(yaml));
        });
        if (frontMatter is { } yamlKey)
        {
            cache.FrontMatterKeys[relative] = yamlKey;
        }

        return page is null ? null : (page with { Body = "" }, PageBody.Of(page.Body));
    }

    /// <summary>A page from its front matter (split from its file, see <see cref="FrontMatter.Split(string)"/>); also the YAML, when it has some.</summary>
    private static (SourceDocument? Page, string? Yaml) Parse(BuildContext context, string? yaml, int endLine, string body, string relative, string display, IReadOnlySet<string> layouts, DirectoryDefaults defaults, DiagnosticBag diagnostics)
    {
        if (yaml is null)
        {
            diagnostics.Error(Codes.MissingKey, "page has no front matter: start the file with '---', then 'title:' and 'description:' lines, then '---'", display, 1, 1);
            return (null, null);
        }

        if (endLine < 0)
        {
            diagnostics.Error(Codes.YamlSyntax, "front matter is never closed: add a line '---' after it", display, 1, 1);
            return (null, yaml);
        }

        var isIndex = Path.GetFileName(relative) == "index.md";
        var folder = FolderOf(relative);
        var meta = FrontMatter.Parse(yaml, display, diagnostics, context.Config.Taxonomies) is { } own ? defaults.Apply(folder, own) : null;
        if (meta is null)
        {
            return (null, yaml);
        }

        var sitePath = isIndex
            ? (folder.Length == 0 ? "/" : "/" + folder + "/")
            : relative == "404.md" ? SourceDocument.NotFoundSitePath
            : "/" + relative[..^3] + "/";
        var outputPath = sitePath.EndsWith(".html", StringComparison.Ordinal)
            ? sitePath.TrimStart('/')
            : sitePath.TrimStart('/') + "index.html";

        var layout = meta.Layout ?? (isIndex ? (folder.Length == 0 ? Layouts.Home : Layouts.Hub) : Layouts.Article);
        if (!layouts.Contains(layout))
        {
            var (path, line, column) = meta.Where("layout", display);
            var hint = YamlMap.Suggest(layout, layouts);
            diagnostics.Error(Codes.UnknownLayout,
                $"unknown layout '{layout}'{(hint is null ? "" : $"; did you mean '{hint}'?")} (layouts in theme/layouts: {string.Join(", ", layouts.Order(StringComparer.Ordinal))})",
                path, line, column);
        }

        var document = new SourceDocument
        {
            SourcePath = relative,
            DisplayPath = display,
            Meta = meta,
            Body = body,
            SitePath = sitePath,
            OutputPath = outputPath,
            Layout = layout,
            Section = folder.Split('/')[0],
        };
        Validate(document, context, diagnostics);
        return (document, yaml);
    }

    private static void Validate(SourceDocument page, BuildContext context, DiagnosticBag diagnostics)
    {
        var meta = page.Meta;
        void Missing(string key, string why)
        {
            diagnostics.Error(Codes.MissingKey, $"front matter needs '{key}': {why}", page.DisplayPath, 2, 1);
        }

        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            Missing("title", "it becomes the page's h1 and <title>");
        }

        if (string.IsNullOrWhiteSpace(meta.Description))
        {
            Missing("description", "it is shown in search results and on the hub");
        }

        if (page.IsArticle)
        {
            if (meta.Reviewed is null)
            {
                Missing("reviewed", "articles show when they were last reviewed (YYYY-MM-DD)");
            }

            if (meta.NextReview is null)
            {
                Missing("next_review", "articles show when they are next due for review (YYYY-MM-DD)");
            }

            if (meta.Sources.Count == 0)
            {
                Missing("sources", "articles list the reputable sources they are based on");
            }

            if (meta.Reviewed is { } reviewed && meta.NextReview is { } next)
            {
                var (path, line, column) = meta.Where("next_review", page.DisplayPath);
                if (next <= reviewed)
                {
                    diagnostics.Error(Codes.BadValue, $"next_review ({next:yyyy-MM-dd}) must come after reviewed ({reviewed:yyyy-MM-dd})", path, line, column);
                }
                else if (next < context.Today)
                {
                    diagnostics.Warning(Codes.ReviewOverdue, $"review overdue: next_review was {next:yyyy-MM-dd}", path, line, column);
                }
            }
        }

        if (meta.Area is { } area && context.Config.Areas.Count > 0 && !context.Config.Areas.Contains(area, StringComparer.Ordinal))
        {
            var (path, line, column) = meta.Where("area", page.DisplayPath);
            diagnostics.Error(Codes.BadValue, $"unknown area '{area}' (areas in site.yml: {string.Join(", ", context.Config.Areas)})", path, line, column);
        }

        Publication.Validate(page, diagnostics);
    }
}
