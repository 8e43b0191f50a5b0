using StaticSite.Cli;
using StaticSite.Content;
using StaticSite.Diagnostics;

namespace StaticSite.Preview;

/// <summary>
/// Local preview: builds, serves the output under the same base path as production, and
/// rebuilds when input/ or theme/ change, then reloads open pages. A failed rebuild prints its
/// errors and keeps serving the last good site.
/// </summary>
public static class PreviewServer
{
    public static int Run(BuildOptions options, int port, TextWriter stdout, TextWriter stderr)
    {
        CommandLine.Build(options, stdout, stderr);
        var basePath = BasePathOf(options);
        var liveReload = new LiveReload(basePath);
        using var server = StaticFileServer.Start(options.ResolvedOutput, basePath, port, liveReload: liveReload);
        stdout.WriteLine($"Serving {server.RootUrl} (Ctrl+C to stop). Watching input/ and theme/ for changes.");

        using var rebuild = new SemaphoreSlim(0);
        using var inputWatcher = Watch(options.ResolvedInput, rebuild);
        using var themeWatcher = Watch(options.ResolvedTheme, rebuild);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            while (!stop.IsCancellationRequested)
            {
                rebuild.Wait(stop.Token);
                // Editors save in bursts; wait for the burst to end, then build once.
                Thread.Sleep(200);
                while (rebuild.CurrentCount > 0)
                {
                    rebuild.Wait();
                }

                stdout.WriteLine($"Change seen at {DateTime.Now:HH:mm:ss}; rebuilding.");
                if (CommandLine.Build(options, stdout, stderr))
                {
                    liveReload.Notify();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }

        return 0;
    }

    /// <summary>
    /// The base path the build uses (command line, else site.yml), read with the build's own
    /// config loader. A broken config has been reported by the build already; serve at / then.
    /// </summary>
    private static string BasePathOf(BuildOptions options) =>
        SiteConfig.Load(options.ResolvedInput, SiteConfig.FileName, new DiagnosticBag(), options.BasePath, options.Url)?.BasePath ?? "/";

    private static FileSystemWatcher Watch(string folder, SemaphoreSlim signal)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = Directory.Exists(folder) };
        void Changed(object? sender, FileSystemEventArgs e) => signal.Release();
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (s, e) => Changed(s, e);
        return watcher;
    }
}
