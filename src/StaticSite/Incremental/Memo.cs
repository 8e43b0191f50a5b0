using System.Collections.Concurrent;
using StaticSite.Diagnostics;

namespace StaticSite.Incremental;

/// <summary>
/// One cached result per name (a page's path), with the key of what it was made from and the
/// diagnostics making it reported, which are reported again each time it is used: a warning on an
/// unchanged page must not vanish from the next build. Safe to use from many threads.
/// A result no build has asked for since the one before is dropped, so the cache never holds
/// more than one site's worth.
/// </summary>
public interface IMemo
{
    /// <summary>Starts a build; with <paramref name="prune"/>, what the last one did not use goes.</summary>
    void BeginBuild(bool prune);

    void Clear();
}

/// <inheritdoc cref="IMemo"/>
public sealed class Memo<T> : IMemo
{
    /// <summary>A result, and the last build that used it (updated in place: a rebuild marks thousands).</summary>
    private sealed class Entry(ContentKey key, T value, IReadOnlyList<Diagnostic> diagnostics, int build)
    {
        public ContentKey Key { get; } = key;
        public T Value { get; } = value;
        public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
        public int Build = build;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _build;
    private int _made;
    private int _reused;

    /// <summary>How many results this build made afresh, and how many it took from the cache.</summary>
    public (int Made, int Reused) Counts => (_made, _reused);

    /// <summary>The names whose results this build made afresh (for tests and <c>--timings</c>).</summary>
    public IReadOnlyList<string> MadeNames => [.. _madeNames.Keys.Order(StringComparer.Ordinal)];

    private readonly ConcurrentDictionary<string, byte> _madeNames = new(StringComparer.Ordinal);

    /// <summary>The result made from <paramref name="key"/> before, or a new one from <paramref name="make"/>; either way its diagnostics go into <paramref name="diagnostics"/>.</summary>
    public T Get(string name, ContentKey key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> make)
    {
        if (_entries.TryGetValue(name, out var entry) && entry.Key == key)
        {
            Interlocked.Increment(ref _reused);
            Volatile.Write(ref entry.Build, _build);
        }
        else
        {
            var own = new DiagnosticBag();
            entry = new Entry(key, make(own), own.All, _build);
            _entries[name] = entry;
            _madeNames[name] = 0;
            Interlocked.Increment(ref _made);
        }

        foreach (var diagnostic in entry.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return entry.Value;
    }

    public void BeginBuild(bool prune)
    {
        foreach (var (name, entry) in _entries)
        {
            if (prune && entry.Build != _build)
            {
                _entries.TryRemove(name, out _);
            }
            else if (!prune)
            {
                // Kept for a later build, as if this one had used it.
                entry.Build = _build + 1;
            }
        }

        _build++;
        _made = 0;
        _reused = 0;
        _madeNames.Clear();
    }

    public void Clear() => _entries.Clear();

    /// <summary>Drops one result, so the next <see cref="Get"/> makes it afresh whatever its key.</summary>
    public void Forget(string name) => _entries.TryRemove(name, out _);
}
