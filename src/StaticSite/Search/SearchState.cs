using StaticSite.Incremental;

namespace StaticSite.Search;

/// <summary>
/// The last search index a <c>serve</c> build made, and what it was made from: the pages in page
/// order, each page's terms (the very arrays the cache keeps, so an unchanged page is known by
/// reference), every term's postings, and the files. The next build changes only what changed.
/// </summary>
internal sealed record SearchState(
    string[] Order,
    KeyValuePair<string, SearchIndex.Fields>[][] TermsByDoc,
    Dictionary<string, List<int>> Postings,
    ContentKey DocsKey,
    IReadOnlyDictionary<string, byte[]> Files);
