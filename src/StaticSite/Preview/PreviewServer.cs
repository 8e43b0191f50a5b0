using System.Threading.Channels;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Incremental;

namespace StaticSite.Preview;

/// <summary>
/// Builds the site for the preview. The first call has no changed files; each later call gets
/// the files under input/ and theme/ that changed since the one before. Without one, the preview
/// rebuilds through one <see cref="BuildSession"/>, which redoes only what the change touched.
/// </summary>
public delegate BuildResult Rebuild(IReadOnlyCollection<string> changedFiles);

/// <summary>What <c>serve</c> runs.</summary>
public sealed record PreviewOptions
{
    public required BuildOptions Build { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>How the site is built, first and after each change; null: through one <see cref="BuildSession"/> with <see cref="Build"/>.</summary>
    public Rebuild? Rebuild { get; init; }

    /// <summary>
    /// Editors save in bursts (write a temp file, rename it over the old one, touch it): a
    /// rebuild waits until files have been still this long, so one save is one rebuild. A
    /// burst's events come within a millisecond or two of each other, while this wait is part of
    /// every save's trip to the browser (the target is under 100 ms at 1,000 articles), so it is
    /// short. If it is too short for some editor, the cost is one extra rebuild, never a lost
    /// change: whatever arrives during a rebuild waits in the queue for the next one.
    /// </summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(10);
}

/// <summary>
/// Local preview: builds, serves the output under the same base path and with the same headers
/// as production, rebuilds when input/ or theme/ change, then reloads open pages. A failed
/// rebuild keeps the last good site on disk, and every page served shows its errors above that
/// content until a rebuild succeeds. A good rebuild with a new base path (site.yml edited) moves
/// the site there on the same port, and open pages with it.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly PreviewOptions _options;
    private readonly Rebuild _rebuild;
    private readonly Action<BuildResult> _report;
    private readonly TextWriter _log;
    private StaticFileServer? _server;
    private Task _watching = Task.CompletedTask;

    private PreviewServer(PreviewOptions options, Action<BuildResult> report, TextWriter log)
    {
        _options = options;
        _rebuild = options.Rebuild ?? new BuildSession(options.Build).Build;
        _report = report;
        _log = log;
    }

    public LiveReload LiveReload { get; } = new();

    public BuildStatus Status { get; } = new();

    public string RootUrl => _server?.RootUrl ?? throw new InvalidOperationException("not started");

    /// <summary>Raised after each rebuild has been reported, shown and announced to open pages.</summary>
    public event Action<BuildResult>? Rebuilt;

    /// <summary>
    /// Builds once (reported through <paramref name="report"/>), then serves and watches. Throws
    /// <see cref="IOException"/> when the port is taken.
    /// </summary>
    public static PreviewServer Start(PreviewOptions options, Action<BuildResult> report, TextWriter log)
    {
        var preview = new PreviewServer(options, report, log);
        try
        {
            preview.Begin();
            return preview;
        }
        catch
        {
            preview.Dispose();
            throw;
        }
    }

    /// <summary>Finishes when the preview is stopped.</summary>
    public Task Completion => _watching;

    private void Begin()
    {
        var build = _options.Build;
        var first = _rebuild([]);
        _report(first);
        Status.Update(first);

        _server = StaticFileServer.Start(new StaticFileServerOptions
        {
            Root = build.ResolvedOutput,
            BasePath = BasePathOf(build),
            Port = _options.Port,
            Headers = HeadersOf(build, _log),
            LiveReload = LiveReload,
            Status = Status,
        });

        foreach (var folder in new[] { build.ResolvedInput, build.ResolvedTheme }.Where(Directory.Exists))
        {
            _watchers.Add(Watch(folder));
        }

        _watching = Task.Run(() => WatchAsync(_stop.Token));
    }

    /// <summary>
    /// The base path the build uses (command line, else site.yml), read with the build's own
    /// config loader. A broken config has been reported by the build already; serve at / then.
    /// </summary>
    private static string BasePathOf(BuildOptions options) =>
        SiteConfig.Load(options.ResolvedInput, SiteConfig.FileName, new DiagnosticBag(), options.BasePath, options.Url)?.BasePath ?? "/";

    /// <summary>Production's headers from netlify.toml beside input/; a broken file is reported and the preview goes on without them.</summary>
    private static NetlifyHeaders HeadersOf(BuildOptions options, TextWriter log)
    {
        var path = Path.Combine(Path.GetFullPath(options.SiteRoot), NetlifyHeaders.FileName);
        try
        {
            return NetlifyHeaders.Load(path);
        }
        catch (FormatException e)
        {
            log.WriteLine($"{NetlifyHeaders.FileName}: warning {Codes.PreviewHeaders}: the preview sends no production headers: {e.Message}");
            return NetlifyHeaders.None;
        }
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
        void Changed(object? sender, FileSystemEventArgs e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (s, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            Changed(s, e);
        };
        // Too many changes at once to list: say the whole folder changed.
        watcher.Error += (_, _) => _changes.Writer.TryWrite(folder);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stop))
            {
                var changed = new HashSet<string>(StringComparer.Ordinal);
                // Editors save in bursts (a temp file, a rename, a touch): wait until files are still.
                do
                {
                    while (_changes.Reader.TryRead(out var path))
                    {
                        changed.Add(path);
                    }

                    await Task.Delay(_options.QuietPeriod, stop);
                }
                while (_changes.Reader.TryPeek(out _));

                _log.WriteLine($"Change seen at {DateTime.Now:HH:mm:ss}; rebuilding.");
                Rebuild(changed);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void Rebuild(IReadOnlyCollection<string> changed)
    {
        BuildResult result;
        try
        {
            result = _rebuild(changed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the generator, not in the input: say so, keep serving, try again on the next save.
            _log.WriteLine($"StaticSite: error {Codes.Crash}: the rebuild stopped unexpectedly ({e.GetType().Name}: {e.Message}); still serving the last build");
            return;
        }

        // Open pages are told first, the terminal after: the author is looking at the page.
        Status.Update(result);
        // Only a good build moves the site: a failed one left the last good output on disk,
        // made for the old base path (and a half-typed site.yml would read as "/").
        if (result.Succeeded && _server is { } server && BasePathOf(_options.Build) is var basePath && basePath != server.BasePath)
        {
            server.MoveTo(basePath);
            _log.WriteLine($"Serving {server.RootUrl} (the base path is now {basePath}).");
        }
        else
        {
            // Failed or not: a failed build puts its errors on every page, a fixed one takes them off.
            LiveReload.Notify();
        }

        _report(result);
        Rebuilt?.Invoke(result);
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        try
        {
            _watching.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // a crash in a rebuild has been seen by whoever awaited Completion
        }

        _server?.Dispose();
        _stop.Dispose();
    }
}
