using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticSite.Search;

/// <summary>
/// One thread's terms, page after page: every term the thread has met, with the fields it is in
/// on the page being read. A term is hashed once a word (the string default comparer's fast hash,
/// looked up by span) and made a string once a thread, however many pages it is on; the table is
/// not emptied between pages, only each page's list of the terms it met.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, int> _slots = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _terms = [];
    private readonly List<int> _onPage = [];
    private SearchIndex.Fields[] _fields = new SearchIndex.Fields[1024];
    private int[] _page = new int[1024];
    private int _pageNumber = 1;

    // One visitor a field (fields take the low 6 bits), made once a thread: a closure for each
    // text of each page was about 50 MB at 10,000 pages.
    private readonly SearchTerms.TermVisitor?[] _visitors = new SearchTerms.TermVisitor?[64];

    public TermTable() => _bySpan = _slots.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds each term it hears in <paramref name="field"/>.</summary>
    public SearchTerms.TermVisitor VisitorFor(SearchIndex.Fields field) => _visitors[(int)field] ??= term => Add(term, field);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> term, SearchIndex.Fields field)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_bySpan, term, out var known);
        if (!known)
        {
            slot = _terms.Count;
            _bySpan.TryGetValue(term, out var made, out _);
            _terms.Add(made!);
            if (slot == _fields.Length)
            {
                Array.Resize(ref _fields, slot * 2);
                Array.Resize(ref _page, slot * 2);
            }
        }

        var index = slot;
        if (_page[index] != _pageNumber)
        {
            _page[index] = _pageNumber;
            _fields[index] = SearchIndex.Fields.None;
            _onPage.Add(index);
        }

        _fields[index] |= field;
    }

    /// <summary>The page's terms, in the order it met them, each with its fields; the table then starts the next page.</summary>
    public KeyValuePair<string, SearchIndex.Fields>[] TakeAll()
    {
        var all = new KeyValuePair<string, SearchIndex.Fields>[_onPage.Count];
        for (var i = 0; i < all.Length; i++)
        {
            var index = _onPage[i];
            all[i] = KeyValuePair.Create(_terms[index], _fields[index]);
        }

        _onPage.Clear();
        _pageNumber++;
        return all;
    }
}
