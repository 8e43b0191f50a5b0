using System.Collections.Concurrent;
using System.Text.Json;
using StaticSite.Checks;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Glossary;
using StaticSite.Images;
using StaticSite.Markdown;
using StaticSite.Output;
using StaticSite.Resolve;
using StaticSite.Search;
using StaticSite.Templates;

namespace StaticSite.Incremental;

/// <summary>A page's Markdown file as read: its text and the key of that text.</summary>
public sealed record InputFileText(string? Text, ContentKey Key);

/// <summary>The process stage's result for one page, with the images it showed, so their smaller copies are still made when it is reused.</summary>
public sealed record ProcessedEntry(ProcessedPage Page, IReadOnlyList<string> ImagesShown);

/// <summary>
/// What a <see cref="BuildSession"/> keeps from one build to the next, each result keyed by the hash
/// of everything it was made from:
/// <list type="bullet">
/// <item>each page file's text, by its size and modified time (or read again when the watcher named it);</item>
/// <item>each page as read (front matter, URL, layout), by the file's text;</item>
/// <item>each page's processed Markdown and search terms, by its file's text and the shape of the site its links resolve against;</item>
/// <item>each page's view, by its processed page and every page's front matter (nothing else of another page ever shows);</item>
/// <item>each page's rendered HTML, by its view, the theme's files and the site's view;</item>
/// <item>each page's check, by its HTML and the set of files its links may reach;</item>
/// <item>the theme, the glossary, the data files, the sitemap and feed; and the search index, updated in place.</item>
/// </list>
/// What every page depends on (site.yml, the glossary, data files, folder defaults, the command
/// line, today's date) forms the build's <see cref="Environment"/>: when it changes, everything is made again.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);

    /// <summary>This build's process key of each page processed through the cache, by source path.</summary>
    private readonly ConcurrentDictionary<string, ContentKey> _processKeys = new(StringComparer.Ordinal);

    public Memo<InputFileText> Texts { get; } = new();
    /// <summary>Each page as read from its file, and its front matter's key.</summary>
    public Memo<(SourceDocument? Page, ContentKey? FrontMatter)> Documents { get; } = new();
    public Memo<ProcessedEntry> Pages { get; } = new();
    public Memo<byte[]> Renders { get; } = new();
    public Memo<PageFacts> Checks { get; } = new();

    /// <summary>The last search index, for the next build to change only what changed; dropped with everything else.</summary>
    internal SearchState? Search { get; set; }

    /// <summary>Each page's search terms, by its process key: a page processed from the same inputs has the same terms.</summary>
    internal Memo<KeyValuePair<string, SearchIndex.Fields>[]> SearchTerms { get; } = new();

    /// <summary>The key of everything every page depends on, for this build.</summary>
    public ContentKey Environment { get; private set; }

    /// <summary>Each page file's text key this build, by source path (pages the build makes itself have none).</summary>
    public ConcurrentDictionary<string, ContentKey> TextKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Each page file's front matter key this build, by source path. With the environment it decides
    /// everything other pages show of the page (title, description, place, terms): its body never shows elsewhere.
    /// </summary>
    public ConcurrentDictionary<string, ContentKey> FrontMatterKeys { get; } = new(StringComparer.Ordinal);

    public Memo<PageView> Views { get; } = new();

    /// <summary>The glossary, kept while the environment (which holds its file's text) is the same: its matcher is compiled code.</summary>
    public Memo<GlossaryIndex> Glossaries { get; } = new();

    /// <summary>The data files, kept while the environment (which holds their text) is the same.</summary>
    public Memo<IReadOnlyDictionary<string, object?>> Data { get; } = new();

    /// <summary>The parsed layouts and partials and the fingerprinted assets: one entry, named "theme".</summary>
    public Memo<(ThemeTemplates Templates, IReadOnlyDictionary<string, string> Hrefs, IReadOnlyDictionary<string, byte[]> Files)> Themes { get; } = new();

    private ContentKey _themeKey;

    /// <summary>The sitemap, feed, robots.txt and redirects: one entry, named "site".</summary>
    public Memo<PublishedFiles> Published { get; } = new();

    /// <summary>This build's key of what every page's view reads of the others: every page's front matter and place, and the pages left out (see <see cref="ViewsFor"/>).</summary>
    public ContentKey EveryViewKey => _everyView;

    private ContentKey _everyView;

    /// <summary>The last build's diagnostics, sorted: the next build's are mostly the same objects, already in order.</summary>
    public IReadOnlyList<Diagnostic> LastDiagnostics { get; set; } = [];

    /// <summary>What the last build that wrote left in the output folder: the next one writes only what changed.</summary>
    public WrittenSite? Written { get; private set; }

    /// <summary>What the last build left on disk; null when a write failed part-way, so the next build stages a whole site.</summary>
    public void Wrote(WrittenSite? written) => Written = written;

    /// <summary>True when this build found the environment changed and so made everything afresh.</summary>
    public bool Cleared { get; private set; }

    /// <summary>Files the watcher saw change since the last build: read again whatever their stamps say.</summary>
    public void NoteChanged(IEnumerable<string> changedFiles)
    {
        foreach (var file in changedFiles)
        {
            _changed[Path.GetFullPath(file)] = 0;
        }
    }

    /// <summary>Starts a build: works out the environment, and forgets everything if it changed.</summary>
    public void Begin(BuildContext context)
    {
        var environment = EnvironmentOf(context);
        Cleared = environment != Environment;
        Environment = environment;
        if (Cleared)
        {
            Search = null;
        }

        TextKeys.Clear();
        FrontMatterKeys.Clear();
        _processKeys.Clear();
        // A build that stopped early (an error in the input) used only some results; what it did not
        // reach is kept for the build that follows the fix, which then starts warm.
        var prune = _lastBuildRendered;
        _lastBuildRendered = false;
        foreach (var memo in new IMemo[] { Texts, Documents, Pages, Views, Published, Renders, Checks, SearchTerms, Themes, Glossaries, Data })
        {
            if (Cleared)
            {
                memo.Clear();
            }

            memo.BeginBuild(prune);
        }
    }

    /// <summary>Called when a build has rendered every page: it used every result it still needs.</summary>
    public void Rendered() => _lastBuildRendered = true;

    private bool _lastBuildRendered;

    /// <summary>Called once the build has used every changed file, so the next build trusts stamps again.</summary>
    public void End() => _changed.Clear();

    /// <summary>A page file's text: the one read before when its size and modified time are the same and the watcher did not name it.</summary>
    /// <param name="stamp">The file's size and time as the walk listed them, or null to look.</param>
    public InputFileText ReadText(string fullPath, string displayPath, DiagnosticBag diagnostics, FileStamp? stamp = null)
    {
        if (_changed.ContainsKey(fullPath))
        {
            // Named by the watcher: its stamp may not have moved (two saves within the clock's tick), so read it whatever.
            Texts.Forget(fullPath);
        }

        return Texts.Get(fullPath, stamp is null ? Stamp(fullPath) : new ContentKey((ulong)stamp.Length, (ulong)stamp.Ticks), diagnostics, own =>
        {
            var text = InputText.Read(fullPath, displayPath, own);
            return new InputFileText(text, text is null ? default : ContentKey.Of(text));
        });
    }

    /// <summary>
    /// What processing one page depends on besides its own file: which pages exist and where
    /// (links resolve to them), which are left out and why, and the static files with their stamps
    /// (images are sized from them).
    /// </summary>
    public ContentKey ProcessEnvironment(InputSite input)
    {
        using var key = new ContentKeyBuilder();
        key.Add(Environment);
        foreach (var page in input.Pages)
        {
            key.Add(page.SourcePath).Add(page.SitePath).Add(page.OutputPath);
        }

        foreach (var (source, why) in input.LeftOut.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            key.Add(source).Add(why);
        }

        foreach (var file in input.Files)
        {
            key.Add(file.SourcePath).Add(Stamp(file.FullPath));
        }

        return key.Finish();
    }

    /// <summary>The layouts there are, as a key: reading a page depends on them (an unknown one is an error).</summary>
    public ContentKey LayoutsKey(IReadOnlySet<string> layouts)
    {
        using var key = new ContentKeyBuilder();
        foreach (var layout in layouts.Order(StringComparer.Ordinal))
        {
            key.Add(layout);
        }

        return key.Finish();
    }

    /// <summary>What reading a page depends on besides the environment: its text, and the layouts there are.</summary>
    public static ContentKey DocumentKey(ContentKey text, ContentKey layouts)
    {
        using var key = new ContentKeyBuilder();
        return key.Add(text).Add(layouts).Finish();
    }

    /// <summary>One page processed, or taken from the last build when its text and the site's shape are the same.</summary>
    public ProcessedPage Process(string sourcePath, ContentKey environment, ContentKey text, DiagnosticBag diagnostics, ImageCatalog images,
        Func<DiagnosticBag, (ProcessedPage Page, IReadOnlyList<string> ImagesShown)> process)
    {
        using var keyOf = new ContentKeyBuilder();
        var key = keyOf.Add(environment).Add(text).Finish();
        _processKeys[sourcePath] = key;
        var entry = Pages.Get(sourcePath, key, diagnostics, own =>
        {
            var (page, shown) = process(own);
            return new ProcessedEntry(page, shown);
        });
        foreach (var image in entry.ImagesShown)
        {
            images.Read(image);
        }

        return entry.Page;
    }

    /// <summary>The key a page was processed by in this build, or null for a page the build made itself.</summary>
    public ContentKey? ProcessKeyOf(string sourcePath) => _processKeys.TryGetValue(sourcePath, out var key) ? key : null;

    /// <summary>
    /// Each page's view, kept when nothing it shows has changed. A view shows its own page (all of
    /// which its process key decides) and, of other pages, only what their front matter and place
    /// say (titles, descriptions, areas, terms for hubs, the A to Z, related pages, breadcrumbs).
    /// So a view is keyed by its page's process key and one key over every page's front matter
    /// and the pages left out. Pages the build makes itself are made afresh each time.
    /// </summary>
    public Func<ProcessedPage, Func<DiagnosticBag, PageView>, PageView> ViewsFor(BuildContext context, SiteGraph graph)
    {
        using var every = new ContentKeyBuilder();
        every.Add(Environment);
        foreach (var page in graph.Pages)
        {
            var source = page.Source;
            every.Add(source.SourcePath);
            if (FrontMatterKeys.TryGetValue(source.SourcePath, out var frontMatter) && _processKeys.ContainsKey(source.SourcePath))
            {
                every.Add(frontMatter);
            }
            else
            {
                every.Add(JsonSerializer.SerializeToUtf8Bytes(source with { Body = "" }, ViewJson.Default.SourceDocument));
            }
        }

        foreach (var (source, why) in graph.LeftOut.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            every.Add(source).Add(why);
        }

        _everyView = every.Finish();
        return (page, make) =>
        {
            if (ProcessKeyOf(page.Source.SourcePath) is not { } processed)
            {
                return make(context.Diagnostics);
            }

            using var key = new ContentKeyBuilder();
            return Views.Get(page.Source.SourcePath, key.Add(_everyView).Add(processed).Finish(), context.Diagnostics, make);
        };
    }

    /// <summary>The theme, parsed again only when one of its files (or the environment) has changed.</summary>
    public (ThemeTemplates Templates, IReadOnlyDictionary<string, string> Hrefs, IReadOnlyDictionary<string, byte[]> Files) Theme(
        BuildContext context, Func<BuildContext, (ThemeTemplates, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, byte[]>)> load)
    {
        _themeKey = ThemeKey(context.ThemeDir);
        using var key = new ContentKeyBuilder();
        return Themes.Get("theme", key.Add(Environment).Add(_themeKey).Finish(), context.Diagnostics, own => load(context.WithDiagnostics(own)));
    }

    /// <summary>
    /// What the sitemap, feed and redirects are made from: every page's front matter and place, the
    /// pages left out (the key <see cref="ViewsFor"/> worked out), and the static files (an alias
    /// may not take a file's name).
    /// </summary>
    public ContentKey PublishedKey(IEnumerable<StaticFile> files)
    {
        using var key = new ContentKeyBuilder();
        key.Add(_everyView);
        foreach (var file in files)
        {
            key.Add(file.SourcePath);
        }

        return key.Finish();
    }

    /// <summary>
    /// Each page's render key: what its layouts are given. For a page read from a file, its view's
    /// key (above) stands for its view and fragment; for a page the build makes itself, its view as
    /// JSON and its fragment. With both, the theme's files and the site's view. And each page's
    /// check key: its render, the links its Markdown made, and every file a link may reach.
    /// </summary>
    public RenderKeys RenderKeysFor(BuildContext context, SiteGraph graph, IReadOnlyList<PageView> views, IReadOnlyList<byte[]?> fragments, SiteView site, IEnumerable<string> files)
    {
        using var shared = new ContentKeyBuilder();
        var everyPage = shared.Add(_everyView).Add(_themeKey).Add(JsonSerializer.SerializeToUtf8Bytes(site, ViewJson.Default.SiteView)).Finish();

        using var reachable = new ContentKeyBuilder();
        reachable.Add(Environment);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            reachable.Add(file);
        }

        var everyCheck = reachable.Finish();
        var keys = graph.Pages.AsParallel().AsOrdered().Select((page, index) =>
        {
            var source = page.Source;
            using var render = new ContentKeyBuilder();
            using var check = new ContentKeyBuilder();
            render.Add(everyPage).Add(source.Layout).Add(source.SitePath).Add(source.OutputPath);
            if (ProcessKeyOf(source.SourcePath) is { } processed)
            {
                var renderKey = render.Add(processed).Finish();
                return (renderKey, check.Add(everyCheck).Add(renderKey).Finish());
            }

            var made = render.Add(JsonSerializer.SerializeToUtf8Bytes(views[index], ViewJson.Default.PageView)).Add(ContentKey.Of(fragments[index] ?? [])).Finish();
            return (made, check.Add(everyCheck).Add(made).Add(source.DisplayPath).Add(JsonSerializer.SerializeToUtf8Bytes(page.Links, ViewJson.Default.IReadOnlyListLinkRef)).Finish());
        }).ToList();
        return new RenderKeys(this, keys);
    }

    /// <summary>Every file of the theme, path and bytes: layouts, partials and assets.</summary>
    private static ContentKey ThemeKey(string themeDir)
    {
        using var key = new ContentKeyBuilder();
        if (Directory.Exists(themeDir))
        {
            foreach (var file in Directory.EnumerateFiles(themeDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                key.Add(Path.GetRelativePath(themeDir, file));
                try
                {
                    key.Add(File.ReadAllBytes(file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Loading the theme reports it; here it only makes the key differ.
                    key.Add(e.GetType().Name);
                }
            }
        }

        return key.Finish();
    }

    private static ContentKey Stamp(string fullPath)
    {
        try
        {
            var stamp = FileStamp.Of(fullPath);
            return new ContentKey((ulong)stamp.Length, (ulong)stamp.Ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>
    /// The command line, today's date, and the text of every file whose content any page may
    /// show or be read by: site.yml and the other YAML files at the top of input/ (the glossary),
    /// the data files and every folder's defaults.
    /// </summary>
    private static ContentKey EnvironmentOf(BuildContext context)
    {
        using var key = new ContentKeyBuilder();
        var options = context.Options with { StageStarted = null, Timings = false };
        key.Add(options.ToString()).Add(context.Today.DayNumber);
        var input = context.InputDir;
        var files = Directory.EnumerateFiles(input, "*.yml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.Exists(Path.Combine(input, DataFiles.Folder)) ? Directory.EnumerateFiles(Path.Combine(input, DataFiles.Folder), "*", SearchOption.AllDirectories) : Enumerable.Empty<string>())
            .Concat(Directory.EnumerateFiles(input, FrontMatter.DefaultsFileName, SearchOption.AllDirectories))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Where a link leads counts too: the build refuses one that leaves input/, whatever it holds.
            key.Add(Path.GetRelativePath(input, file)).Add(new FileInfo(file).LinkTarget);
            try
            {
                key.Add(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The build reports it when it reads the file; here it only makes the key differ.
                key.Add(e.GetType().Name);
            }
        }

        return key.Finish();
    }
}

/// <summary>What each page's render and check are keyed by in one build, in the order of the graph's pages.</summary>
public sealed record RenderKeys(BuildCache Cache, IReadOnlyList<(ContentKey Render, ContentKey Check)> Keys)
{
    public (ContentKey Render, ContentKey Check) Of(int index) => Keys[index];
}
