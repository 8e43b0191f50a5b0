namespace StaticSite.Resolve;

// The shapes templates see. Liquid reads them in snake_case: page.next_review.display, etc.

public sealed record LinkView(string Title, string Href, bool Current = false, string Description = "");

public sealed record DateView(string Iso, string Display);

public sealed record SourceView(string Title, string Publisher, string Url);

public sealed record AreaGroupView(string Name, string Title, IReadOnlyList<LinkView> Pages);

public sealed record ConditionEntryView(string Name, string Title, string Href, bool IsOtherName, string Letter);

public sealed record LetterView(string Letter, string Id, IReadOnlyList<ConditionEntryView> Entries);

/// <summary>A term on its taxonomy's index: its page, its description and how many pages have it.</summary>
public sealed record TermView(string Title, string Href, string Description, int Count);

/// <summary>A page's terms in one taxonomy, for the small "Activities" list on the page.</summary>
public sealed record TermGroupView(string Name, string Title, IReadOnlyList<LinkView> Terms);
/// <summary>
/// Where the search page is, for the form in every page's header, and what its script needs to
/// read the index: the folder, the index files that exist (so no query asks for one that does
/// not), and how many pages each docs file holds.
/// </summary>
public sealed record SearchView(string Href, string IndexHref, string Keys, int DocsPerFile);

public sealed record SiteView
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required string Url { get; init; }
    public required string BasePath { get; init; }
    public required string HomeHref { get; init; }

    /// <summary>Open Graph's form of the language: en_GB for en-GB.</summary>
    public required string Locale { get; init; }

    /// <summary>Root-relative href of the Atom feed, empty when the site has no articles (and so no feed).</summary>
    public required string FeedHref { get; init; }

    public required IReadOnlyList<LinkView> Nav { get; init; }

    /// <summary>Links to pages about the site (the accessibility statement), shown in every footer.</summary>
    public IReadOnlyList<LinkView> FooterLinks { get; init; } = [];

    public required IReadOnlyDictionary<string, string> Assets { get; init; }

    /// <summary>input/_data/NAME.yml as <c>site.data.NAME</c>: maps, lists, text, numbers and true/false.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();
    /// <summary>The site's search, or null when it has none (the theme has no search layout).</summary>
    public SearchView? Search { get; init; }
}

public sealed record PageView
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Href { get; init; }
    public required string Canonical { get; init; }
    public required string Layout { get; init; }
    public required bool IsArticle { get; init; }
    public required bool IsHome { get; init; }

    /// <summary>Kept out of search results: the 404 page, which answers for every missing address.</summary>
    public bool NoIndex { get; init; }

    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];
    public IReadOnlyList<LinkView> Contents { get; init; } = [];
    public DateView? Reviewed { get; init; }
    public DateView? NextReview { get; init; }

    /// <summary>Where the page's words came from, when that matters to readers (front matter <c>history</c>).</summary>
    public string? History { get; init; }
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
    public IReadOnlyList<LinkView> Related { get; init; } = [];
    public IReadOnlyList<AreaGroupView> Areas { get; init; } = [];
    public IReadOnlyList<LinkView> Children { get; init; } = [];
    public IReadOnlyList<LetterView> Letters { get; init; } = [];

    /// <summary>On a taxonomy's index: its terms that have pages, in site.yml's order.</summary>
    public IReadOnlyList<TermView> Terms { get; init; } = [];

    /// <summary>The page's own terms, by taxonomy in site.yml's order; empty when it has none.</summary>
    public IReadOnlyList<TermGroupView> TermGroups { get; init; } = [];
    public string? Condition { get; init; }
    public string JsonLd { get; init; } = "";
}
