using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StaticSite.Tests.Support;

/// <summary>A site built into a temp folder, with every page parsed by AngleSharp once.</summary>
public sealed class BuiltSite : IDisposable
{
    private readonly TempDir _temp = new();

    public BuiltSite(string siteRoot, string? basePath = null, string? inputDir = null, string? themeDir = null)
    {
        Output = _temp.Combine("_site");
        Options = new BuildOptions
        {
            SiteRoot = siteRoot,
            InputDir = inputDir,
            ThemeDir = themeDir,
            OutputDir = Output,
            BasePath = basePath,
            Today = new DateOnly(2026, 11, 23),
        };
        Result = Site.Build(Options);
        if (Result.Succeeded)
        {
            var parser = new HtmlParser();
            Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .ToDictionary(
                    f => Path.GetRelativePath(Output, f).Replace('\\', '/'),
                    f => (IDocument)parser.ParseDocument(File.ReadAllText(f)));
        }
    }

    /// <summary>The real site in input/ with the real theme.</summary>
    public static BuiltSite Real(string? basePath = null) => new(Repo.Root, basePath);

    public BuildOptions Options { get; }
    public BuildResult Result { get; }
    public string Output { get; }
    public IReadOnlyDictionary<string, IDocument> Pages { get; } = new Dictionary<string, IDocument>();

    public string BasePath => Options.BasePath ?? "/";

    /// <summary>
    /// The pages readers stay on: every page but the small redirect pages at old addresses
    /// (front matter <c>aliases</c>), which send the reader on at once and carry none of the layout.
    /// </summary>
    public IEnumerable<KeyValuePair<string, IDocument>> ContentPages => Pages.Where(p => !IsRedirectPage(p.Value));

    public static bool IsRedirectPage(IDocument page) =>
        page.QuerySelectorAll("meta[http-equiv]").Any(m => string.Equals(m.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase));

    public IDocument Page(string outputPath) =>
        Pages.TryGetValue(outputPath, out var page) ? page : throw new Xunit.Sdk.XunitException($"no page {outputPath}; pages: {string.Join(", ", Pages.Keys)}");

    public string Errors => string.Join(Environment.NewLine, Result.Diagnostics.Select(d => d.ToString()));

    public void Dispose()
    {
        foreach (var page in Pages.Values)
        {
            page.Dispose();
        }

        _temp.Dispose();
    }
}

/// <summary>The real site, built once and shared by every test in a class.</summary>
public sealed class RealSiteFixture : IDisposable
{
    public BuiltSite Site { get; } = BuiltSite.Real();

    public void Dispose() => Site.Dispose();
}
