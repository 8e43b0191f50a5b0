namespace StaticSite.Content;

/// <summary>
/// A page as read from <c>input/</c>: where it came from, its front matter, its Markdown body
/// (front matter blanked, so line numbers match the file) and where it will be published.
/// Every URL is known once reading is done, which is what lets Markdown links be resolved while
/// Markdown is rendered.
/// </summary>
public sealed record SourceDocument
{
    /// <summary>Path inside <c>input/</c> with forward slashes, e.g. <c>leg-and-knee/calf-strain.md</c>.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Path as shown in messages, e.g. <c>input/leg-and-knee/calf-strain.md</c>.</summary>
    public required string DisplayPath { get; init; }

    public required FrontMatter Meta { get; init; }
    public required string Body { get; init; }

    /// <summary>The page's site path, e.g. <c>/leg-and-knee/calf-strain/</c> (no base path).</summary>
    public required string SitePath { get; init; }

    /// <summary>The file written under the output folder, e.g. <c>leg-and-knee/calf-strain/index.html</c>.</summary>
    public required string OutputPath { get; init; }

    public required string Layout { get; init; }

    /// <summary>The folder the page sits in (<c>leg-and-knee</c>), empty for the root.</summary>
    public required string Section { get; init; }

    /// <summary>Set on the pages made for a taxonomy of site.yml: its index, or one term's page.</summary>
    public TaxonomyPlace? Taxonomy { get; init; }

    public bool IsSectionIndex => Path.GetFileName(SourcePath) == "index.md";

    public string Title => Meta.Title ?? "";

    public bool IsArticle => Layout == Layouts.Article;

    /// <summary>
    /// <c>input/404.md</c>, published as <c>/404.html</c>: Netlify and GitHub Pages serve it for
    /// every missing address, so it stays out of the sitemap and is not indexed.
    /// </summary>
    public bool IsNotFoundPage => SitePath == NotFoundSitePath;

    public const string NotFoundSitePath = "/404.html";
}

public static class Layouts
{
    public const string Article = "article";
    public const string Hub = "hub";
    public const string Home = "home";
    public const string Page = "page";

    /// <summary>A taxonomy's index: its terms, each with how many pages it has.</summary>
    public const string Taxonomy = "taxonomy";

    /// <summary>A taxonomy term's page: the pages with that term.</summary>
    public const string Term = "term";
}
