using StaticSite.Diagnostics;

namespace StaticSite.Content;

public sealed record NavigationItem(string Title, string Page, int Line, int Column);

/// <summary>
/// The site-wide settings from <c>input/site.yml</c>, after command-line overrides.
/// <see cref="Url"/> is the production origin (scheme and host, no path); <see cref="BasePath"/>
/// is the folder the site is served under, always with leading and trailing slash.
/// </summary>
public sealed record SiteConfig
{
    public const string FileName = "site.yml";

    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Language { get; init; } = "en-GB";
    public required string Url { get; init; }
    public string BasePath { get; init; } = "/";
    public string Publisher { get; init; } = "";
    public IReadOnlyList<NavigationItem> Navigation { get; init; } = [];

    /// <summary>Pages about the site itself, such as the accessibility statement, linked from every footer (<c>footer_links</c>).</summary>
    public IReadOnlyList<NavigationItem> FooterLinks { get; init; } = [];

    /// <summary>Where it hurts, in the order the hub shows them (front matter <c>area</c> must be one).</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];

    /// <summary>Articles scoring below this Flesch reading ease get a warning (<c>min_reading_ease</c>).</summary>
    public double MinReadingEase { get; init; } = Markdown.Readability.DefaultMinimumReadingEase;

    /// <summary>Sentences longer than this get a warning where they start (<c>max_sentence_words</c>).</summary>
    public int MaxSentenceWords { get; init; } = 25;

    /// <summary>Ways of grouping pages, each with its declared terms (<c>taxonomies</c>); see <see cref="Taxonomy"/>.</summary>
    public IReadOnlyList<Taxonomy> Taxonomies { get; init; } = [];

    /// <summary>Root-relative URL for a site path such as <c>/leg-and-knee/</c>, with the base path.</summary>
    public string Href(string sitePath) => BasePath + sitePath.TrimStart('/');

    /// <summary>Absolute URL for a site path, for canonical links, sitemaps, feeds and JSON-LD.</summary>
    public string AbsoluteUrl(string sitePath) => Url + Href(sitePath);

    private static readonly string[] Keys = ["name", "description", "language", "url", "base_path", "publisher", "navigation", "footer_links", "areas", "min_reading_ease", "max_sentence_words", "taxonomies"];

    public static SiteConfig? Load(string inputDir, string displayPath, DiagnosticBag diagnostics, string? baseOverride, string? urlOverride)
    {
        var file = System.IO.Path.Combine(inputDir, FileName);
        if (!File.Exists(file))
        {
            diagnostics.Error(Codes.Config, $"missing site config: create {FileName} with at least 'name' and 'url'", displayPath);
            return null;
        }

        if (InputText.Read(file, displayPath, diagnostics) is not { } text)
        {
            return null;
        }

        var node = YamlMap.Parse(text, displayPath, 0, diagnostics, "the site config");
        if (node is null)
        {
            return null;
        }

        var map = new YamlMap(node, displayPath, 0, diagnostics);
        var name = map.String("name");
        var url = map.String("url");
        var language = map.String("language") ?? "en-GB";
        var basePath = map.String("base_path") ?? "/";
        var description = map.String("description") ?? "";
        var publisher = map.String("publisher") ?? name ?? "";
        // The main navigation and the footer's links are written the same way: a title and a page.
        List<NavigationItem> Links(string key) => map.MapList(key).Select(item =>
        {
            var title = item.String("title");
            var page = item.String("page");
            item.ReportUnknownKeys(key);
            var (line, column) = item.Position;
            if (title is null || page is null)
            {
                diagnostics.Error(Codes.Config, $"each {key} entry needs 'title' and 'page'", displayPath, line, column);
            }

            return new NavigationItem(title ?? "", page ?? "", line, column);
        }).ToList();
        var navigation = Links("navigation");
        var footerLinks = Links("footer_links");
        var areas = map.StringList("areas").Select(a => a.Value).ToList();
        var minReadingEase = map.Number("min_reading_ease", 0, 100) ?? Markdown.Readability.DefaultMinimumReadingEase;
        var maxSentenceWords = (int)(map.Number("max_sentence_words", 5, 100) ?? 25);
        var taxonomies = Taxonomy.Read(map, diagnostics);
        map.ReportUnknownKeys("site config", Keys);

        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Error(Codes.Config, "the site config needs a 'name'", displayPath, map.Position.Line, map.Position.Column);
        }

        var (urlLine, urlColumn) = map.PositionOfKey("url");
        var checkedUrl = CheckUrl(urlOverride ?? url, urlOverride is null ? displayPath : null, urlLine, urlColumn, diagnostics);
        var (baseLine, baseColumn) = map.PositionOfKey("base_path");
        var checkedBase = NormaliseBasePath(baseOverride ?? basePath, baseOverride is null ? displayPath : null, baseLine, baseColumn, diagnostics);

        if (name is null || checkedUrl is null || checkedBase is null)
        {
            return null;
        }

        return new SiteConfig
        {
            Name = name,
            Description = description,
            Language = language,
            Url = checkedUrl,
            BasePath = checkedBase,
            Publisher = publisher,
            Navigation = navigation,
            FooterLinks = footerLinks,
            Areas = areas,
            MinReadingEase = minReadingEase,
            MaxSentenceWords = maxSentenceWords,
            Taxonomies = taxonomies,
        };
    }

    /// <summary>The production URL must be an absolute http(s) origin: it is printed on paper and in feeds.</summary>
    internal static string? CheckUrl(string? url, string? path, int line, int column, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            diagnostics.Error(Codes.Config, "the site config needs 'url', the production address such as https://example.org", path, line, column);
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            diagnostics.Error(Codes.Config, $"'url' must be an absolute http or https address such as https://example.org, not '{url}'", path, line, column);
            return null;
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            diagnostics.Error(Codes.Config, $"'url' must be just the scheme and host ('{uri.GetLeftPart(UriPartial.Authority)}'); put the folder '{uri.AbsolutePath}' in base_path or --base-path", path, line, column);
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Accepts <c>x</c>, <c>/x</c>, <c>x/</c> or <c>/x/</c> and returns <c>/x/</c>.</summary>
    internal static string? NormaliseBasePath(string value, string? path, int line, int column, DiagnosticBag diagnostics)
    {
        var trimmed = value.Trim().Trim('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        var segments = trimmed.Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))))
        {
            diagnostics.Error(Codes.Config, $"base path '{value}' must be folder names made of letters, digits, '-', '_', '.' or '~', like /my-repo/", path, line, column);
            return null;
        }

        return "/" + trimmed + "/";
    }
}
