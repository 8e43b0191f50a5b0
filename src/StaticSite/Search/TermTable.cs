using System.Runtime.CompilerServices;

namespace StaticSite.Search;

/// <summary>
/// One thread's terms, page after page: every term the thread has met, with the fields it is in
/// on the page being read. A term is made a string once a thread, however many pages it is on;
/// the table is not emptied between pages, only each page's list of the terms it met.
/// </summary>
/// <remarks>
/// Words come in as a page has them ("Strains", "runner's"); what term each makes depends on its
/// letters alone, so each word is made a term (<see cref="SearchTerms.TermOf"/>: apostrophes,
/// stop words, plurals) once a thread and then found by one lookup of the word.
/// </remarks>
internal sealed class TermTable
{
    private readonly SpanTable _terms = new();

    /// <summary>Each word met → the entry of its term in <see cref="_terms"/>, or <see cref="NotIndexed"/>.</summary>
    private readonly SpanTable _words = new();

    private const int NotIndexed = -1;
    private char[] _term = new char[64];
    private readonly List<int> _onPage = [];
    private SearchIndex.Fields[] _fields = new SearchIndex.Fields[1024];
    private int[] _page = new int[1024];
    private int _pageNumber = 1;

    // One visitor a field (fields take the low 6 bits), made once a thread: a closure for each
    // text of each page was about 50 MB at 10,000 pages.
    private readonly SearchTerms.WordVisitor?[] _visitors = new SearchTerms.WordVisitor?[64];

    /// <summary>Adds the term of each word it hears (folded, see <see cref="SearchTerms.ForEachWordInPlace"/>) in <paramref name="field"/>.</summary>
    public SearchTerms.WordVisitor VisitorFor(SearchIndex.Fields field) => _visitors[(int)field] ??= word => AddWord(word, field);

    /// <summary>Adds a term itself (one already made from a word).</summary>
    public void Add(ReadOnlySpan<char> term, SearchIndex.Fields field) => Mark(TermEntry(term), field);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWord(ReadOnlySpan<char> word, SearchIndex.Fields field)
    {
        var known = _words.Find(word, out var hash, out var place);
        var entry = known >= 0 ? _words.ValueOf(known) : _words.ValueOf(_words.Add(word, hash, place, TermEntryOfWord(word)));
        if (entry != NotIndexed)
        {
            Mark(entry, field);
        }
    }

    /// <summary>A word met for the first time: its term's entry, or <see cref="NotIndexed"/>.</summary>
    private int TermEntryOfWord(ReadOnlySpan<char> word)
    {
        if (_term.Length < word.Length)
        {
            _term = new char[word.Length];
        }

        var length = SearchTerms.TermOf(word, _term);
        return length == 0 ? NotIndexed : TermEntry(_term.AsSpan(0, length));
    }

    private int TermEntry(ReadOnlySpan<char> term)
    {
        var entry = _terms.Find(term, out var hash, out var place);
        if (entry >= 0)
        {
            return entry;
        }

        entry = _terms.Add(term, hash, place, 0);
        if (entry == _fields.Length)
        {
            Array.Resize(ref _fields, entry * 2);
            Array.Resize(ref _page, entry * 2);
        }

        return entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Mark(int entry, SearchIndex.Fields field)
    {
        if (_page[entry] != _pageNumber)
        {
            _page[entry] = _pageNumber;
            _fields[entry] = SearchIndex.Fields.None;
            _onPage.Add(entry);
        }

        _fields[entry] |= field;
    }

    /// <summary>The page's terms, in the order it met them, each with its fields; the table then starts the next page.</summary>
    public KeyValuePair<string, SearchIndex.Fields>[] TakeAll()
    {
        var all = new KeyValuePair<string, SearchIndex.Fields>[_onPage.Count];
        for (var i = 0; i < all.Length; i++)
        {
            var index = _onPage[i];
            all[i] = KeyValuePair.Create(_terms.KeyOf(index), _fields[index]);
        }

        _onPage.Clear();
        _pageNumber++;
        return all;
    }
}
