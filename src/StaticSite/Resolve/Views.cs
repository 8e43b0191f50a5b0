namespace StaticSite.Resolve;

// The shapes templates see. Liquid reads them in snake_case: page.next_review.display, etc.

public sealed record LinkView(string Title, string Href, bool Current = false, string Description = "");

public sealed record DateView(string Iso, string Display);

public sealed record SourceView(string Title, string Publisher, string Url);

public sealed record AreaGroupView(string Name, string Title, IReadOnlyList<LinkView> Pages);

public sealed record ConditionEntryView(string Name, string Title, string Href, bool IsOtherName, string Letter);

public sealed record LetterView(string Letter, string Id, IReadOnlyList<ConditionEntryView> Entries);

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
    public required IReadOnlyDictionary<string, string> Assets { get; init; }

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
    public string? Condition { get; init; }
    public string JsonLd { get; init; } = "";
}
