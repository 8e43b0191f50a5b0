using StaticSite.Content;

namespace StaticSite.Markdown;

public sealed record HeadingInfo(int Level, string Text, string Id, int Line);

public sealed record ChecklistInfo(string Title, string Id, IReadOnlyList<string> Items);

/// <summary>A link or image source written in Markdown, after resolution, remembered for the check stage.</summary>
public sealed record LinkRef(string Written, string Href, string TargetFile, string? Fragment, int Line, int Column);

/// <summary>A run of prose for the readability report; list items count as sentences of their own.</summary>
public sealed record ProseBlock(string Text, bool IsListItem);

/// <summary>The process stage's result for one page: its HTML fragment and what the rest of the build needs to know about it.</summary>
public sealed record ProcessedPage
{
    public required SourceDocument Source { get; init; }
    /// <summary>The page's HTML fragment in UTF-8: half the memory of a string while it waits for its layout.</summary>
    public required byte[] Html { get; init; }
    public IReadOnlyList<HeadingInfo> Headings { get; init; } = [];
    public IReadOnlyList<ChecklistInfo> Checklists { get; init; } = [];
    public IReadOnlyList<LinkRef> Links { get; init; } = [];
    public IReadOnlyList<string> Treatments { get; init; } = [];
    /// <summary>The Flesch scores of an article's prose, worked out while its Markdown is at hand; null for other pages.</summary>
    public ReadabilityScore? Readability { get; init; }

    /// <summary>Ids of the glossary terms this page links to (their first use on the page).</summary>
    public IReadOnlyList<string> GlossaryTerms { get; init; } = [];
}
