using System.Runtime.CompilerServices;

namespace StaticSite.Search;

/// <summary>
/// Text looked up by span → an int, each key made a string once: an open-addressing table with
/// linear probing, a power of two long and at most half full. Its own rather than a Dictionary
/// looked up by span: every word of every page is looked up in one, and the dictionary's hash
/// and equality, called through the alternate comparer's interface, were about a sixth of the
/// search index's processor time. Entries are numbered in the order they were added.
/// </summary>
internal sealed class SpanTable
{
    /// <summary>Entry + 1 in each place of the table (0: free).</summary>
    private int[] _places = new int[4096];
    private string[] _keys = new string[1024];
    private int[] _hashes = new int[1024];
    private int[] _values = new int[1024];

    public int Count { get; private set; }

    public string KeyOf(int entry) => _keys[entry];

    public int ValueOf(int entry) => _values[entry];

    /// <summary>The key's entry, or -1; <paramref name="place"/> is where to <see cref="Add"/> it if it is not there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> key, out int hash, out int place)
    {
        hash = Hash(key);
        var mask = _places.Length - 1;
        for (place = hash & mask; ; place = (place + 1) & mask)
        {
            var taken = _places[place];
            if (taken == 0)
            {
                return -1;
            }

            if (_hashes[taken - 1] == hash && key.SequenceEqual(_keys[taken - 1]))
            {
                return taken - 1;
            }
        }
    }

    /// <summary>Adds a key <see cref="Find"/> did not find, at the place it gave (no other key added since); returns its entry.</summary>
    public int Add(ReadOnlySpan<char> key, int hash, int place, int value)
    {
        var entry = Count++;
        if (entry == _keys.Length)
        {
            Array.Resize(ref _keys, entry * 2);
            Array.Resize(ref _hashes, entry * 2);
            Array.Resize(ref _values, entry * 2);
        }

        _keys[entry] = key.ToString();
        _hashes[entry] = hash;
        _values[entry] = value;
        _places[place] = entry + 1;
        if (Count * 2 > _places.Length)
        {
            Grow();
        }

        return entry;
    }

    private void Grow()
    {
        _places = new int[_places.Length * 2];
        var mask = _places.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var place = _hashes[entry] & mask;
            while (_places[place] != 0)
            {
                place = (place + 1) & mask;
            }

            _places[place] = entry + 1;
        }
    }

    /// <summary>FNV-1a over the characters, its high bits folded in: keys are words, and only this table sees the hash.</summary>
    private static int Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15)) & int.MaxValue;
    }
}
