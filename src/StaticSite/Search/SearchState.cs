using StaticSite.Incremental;

namespace StaticSite.Search;

/// <summary>
/// The last search index a <c>serve</c> build made, and what it was made from: the pages in page
/// order, each page's terms (the very arrays the cache keeps, so an unchanged page is known by
/// reference), every term's postings, and the files. The next build changes only what changed.
/// </summary>
/// <param name="OrderKey">The key over every page's front matter the order was worked out under (see <see cref="BuildCache.EveryViewKey"/>).</param>
/// <param name="Shards">Each shard's terms (by their first one or two characters: <see cref="SearchIndex.KeyLength"/>), A to Z.</param>
internal sealed record SearchState(
    string[] Order,
    ContentKey OrderKey,
    KeyValuePair<string, SearchIndex.Fields>[][] TermsByDoc,
    Dictionary<string, List<int>> Postings,
    SortedDictionary<string, SortedSet<string>> Shards,
    ContentKey DocsKey,
    IReadOnlyDictionary<string, byte[]> Files);
