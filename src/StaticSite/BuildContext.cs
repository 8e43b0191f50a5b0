using StaticSite.Content;
using StaticSite.Diagnostics;

namespace StaticSite;

/// <summary>What the user asked for on the command line.</summary>
public sealed record BuildOptions
{
    /// <summary>The folder that holds input/ and theme/; paths in messages are relative to it.</summary>
    public required string SiteRoot { get; init; }
    public string? InputDir { get; init; }
    public string? OutputDir { get; init; }
    public string? ThemeDir { get; init; }
    public string? BasePath { get; init; }
    public string? Url { get; init; }
    public bool IncludeDrafts { get; init; }

    /// <summary>Include pages whose <c>publish_date</c> is after today (<c>--future</c>).</summary>
    public bool IncludeFuture { get; init; }

    /// <summary>Include pages whose <c>expiry_date</c> has come (<c>--expired</c>).</summary>
    public bool IncludeExpired { get; init; }

    public bool Timings { get; init; }

    /// <summary>False for a build that only checks: nothing is written, the output folder not even claimed.</summary>
    public bool WriteOutput { get; init; } = true;

    /// <summary>The day review dates are compared with; fixed in tests so they do not rot.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Told each stage's name as it starts, so a terminal can show a long build's progress.</summary>
    public Action<string>? StageStarted { get; init; }

    public string ResolvedInput => Path.GetFullPath(InputDir ?? "input", SiteRoot);
    public string ResolvedOutput => Path.GetFullPath(OutputDir ?? "_site", SiteRoot);
    public string ResolvedTheme => Path.GetFullPath(ThemeDir ?? "theme", SiteRoot);
}

/// <summary>Shared, read-only state of one build, handed to every stage.</summary>
public sealed class BuildContext
{
    public BuildContext(BuildOptions options, SiteConfig config, DiagnosticBag diagnostics)
    {
        Options = options;
        Config = config;
        Diagnostics = diagnostics;
        SiteRoot = Path.GetFullPath(options.SiteRoot);
        Today = options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>The same build, reporting into <paramref name="diagnostics"/>: a cached result keeps the diagnostics making it reported.</summary>
    public BuildContext WithDiagnostics(DiagnosticBag diagnostics) => new(Options, Config, diagnostics);

    public BuildOptions Options { get; }
    public SiteConfig Config { get; }
    public DiagnosticBag Diagnostics { get; }
    public string SiteRoot { get; }
    public DateOnly Today { get; }
    public string InputDir => Options.ResolvedInput;
    public string ThemeDir => Options.ResolvedTheme;
    public string OutputDir => Options.ResolvedOutput;

    /// <summary>A path as shown in messages: relative to the site root, with forward slashes.</summary>
    public string Display(string fullPath) => DisplayPath(SiteRoot, fullPath);

    public static string DisplayPath(string siteRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(siteRoot, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
