using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticSite.Search;

/// <summary>
/// One page's terms and the fields each is in, filled word by word and emptied for the next page
/// on the same thread. Its keys come from a <see cref="TermStrings"/> shared by the build, so a
/// term on 10,000 pages is one string, not 10,000, and no table is made per page.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, SearchIndex.Fields> _terms;
    private readonly Dictionary<string, SearchIndex.Fields>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TermTable(TermStrings strings)
    {
        _terms = new Dictionary<string, SearchIndex.Fields>(strings);
        _bySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> term, SearchIndex.Fields field) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_bySpan, term, out _) |= field;

    /// <summary>The page's terms, and the table emptied (keeping its room) for the next page.</summary>
    public KeyValuePair<string, SearchIndex.Fields>[] TakeAll()
    {
        var all = _terms.ToArray();
        _terms.Clear();
        return all;
    }
}

/// <summary>
/// Ordinal string equality that also reads a term as a span, and makes a term's string at most
/// once per build: a table adds a term it does not have yet through <see cref="Create"/>.
/// </summary>
internal sealed class TermStrings : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    private readonly ConcurrentDictionary<string, string> _made = new(StringComparer.Ordinal);

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);

    public string Create(ReadOnlySpan<char> alternate) =>
        _made.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(alternate, out var made) ? made : _made.GetOrAdd(alternate.ToString(), static s => s);
}
