using System.Runtime.CompilerServices;

namespace StaticSite.Search;

/// <summary>
/// One thread's terms, page after page: every term the thread has met, with the fields it is in
/// on the page being read. A term is made a string once a thread, however many pages it is on;
/// the table is not emptied between pages, only each page's list of the terms it met.
/// </summary>
/// <remarks>
/// Its own open-addressing table rather than a Dictionary looked up by span: every word of every
/// page comes here, and the dictionary's hash and equality, called through the alternate
/// comparer's interface, were about a sixth of the search index's processor time.
/// </remarks>
internal sealed class TermTable
{
    /// <summary>Slot + 1 of the term in each place of the table (0: free); a power of two long, at most half full.</summary>
    private int[] _places = new int[4096];
    private string[] _terms = new string[1024];
    private int[] _hashes = new int[1024];
    private int _count;
    private readonly List<int> _onPage = [];
    private SearchIndex.Fields[] _fields = new SearchIndex.Fields[1024];
    private int[] _page = new int[1024];
    private int _pageNumber = 1;

    // One visitor a field (fields take the low 6 bits), made once a thread: a closure for each
    // text of each page was about 50 MB at 10,000 pages.
    private readonly SearchTerms.TermVisitor?[] _visitors = new SearchTerms.TermVisitor?[64];

    /// <summary>Adds each term it hears in <paramref name="field"/>.</summary>
    public SearchTerms.TermVisitor VisitorFor(SearchIndex.Fields field) => _visitors[(int)field] ??= term => Add(term, field);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> term, SearchIndex.Fields field)
    {
        var index = SlotOf(term);
        if (_page[index] != _pageNumber)
        {
            _page[index] = _pageNumber;
            _fields[index] = SearchIndex.Fields.None;
            _onPage.Add(index);
        }

        _fields[index] |= field;
    }

    /// <summary>The term's slot, a new one (and its string) the first time this thread meets it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SlotOf(ReadOnlySpan<char> term)
    {
        var hash = Hash(term);
        var mask = _places.Length - 1;
        for (var place = hash & mask; ; place = (place + 1) & mask)
        {
            var taken = _places[place];
            if (taken == 0)
            {
                return New(term, hash, place);
            }

            if (_hashes[taken - 1] == hash && term.SequenceEqual(_terms[taken - 1]))
            {
                return taken - 1;
            }
        }
    }

    private int New(ReadOnlySpan<char> term, int hash, int place)
    {
        var slot = _count++;
        if (slot == _terms.Length)
        {
            Array.Resize(ref _terms, slot * 2);
            Array.Resize(ref _hashes, slot * 2);
            Array.Resize(ref _fields, slot * 2);
            Array.Resize(ref _page, slot * 2);
        }

        _terms[slot] = term.ToString();
        _hashes[slot] = hash;
        _places[place] = slot + 1;
        if (_count * 2 > _places.Length)
        {
            Grow();
        }

        return slot;
    }

    private void Grow()
    {
        _places = new int[_places.Length * 2];
        var mask = _places.Length - 1;
        for (var slot = 0; slot < _count; slot++)
        {
            var place = _hashes[slot] & mask;
            while (_places[place] != 0)
            {
                place = (place + 1) & mask;
            }

            _places[place] = slot + 1;
        }
    }

    /// <summary>FNV-1a over the characters, its high bits folded in: terms are short, and only this table sees the hash.</summary>
    private static int Hash(ReadOnlySpan<char> term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15)) & int.MaxValue;
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
