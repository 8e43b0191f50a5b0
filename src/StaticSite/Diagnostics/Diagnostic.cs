using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace StaticSite.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in the input. Errors are values, collected across the whole build, so one
/// bad page never hides the others. <see cref="Path"/> is relative to the site root (the folder
/// that holds <c>input/</c>), so messages read the same on every machine.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string? Path = null, int Line = 0, int Column = 0)
{
    public string Location => AppendLocation(new StringBuilder()).ToString();

    public override string ToString() => AppendTo(new StringBuilder()).ToString();

    /// <summary>
    /// Appends the line <see cref="ToString"/> gives (<c>file:line:column: severity CODE: message</c>)
    /// without making it a string: a large site prints 100,000 of them, and each line's strings were
    /// most of the report's time, which nothing else runs beside.
    /// </summary>
    public StringBuilder AppendTo(StringBuilder text) =>
        AppendLocation(text).Append(": ").Append(Severity == Severity.Error ? "error" : "warning")
            .Append(' ').Append(Code).Append(": ").Append(Message);

    private StringBuilder AppendLocation(StringBuilder text) => Path is null
        ? text.Append("StaticSite")
        : Line <= 0 ? text.Append(Path)
        : Column <= 0 ? text.Append(CultureInfo.InvariantCulture, $"{Path}:{Line}")
        : text.Append(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}");
}

/// <summary>Thread-safe collector; stages running in parallel report into one bag.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    // Counted as they come: a large site has a warning or more a page, and the build asks after
    // every stage whether any error is among them.
    private int _errors;

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == Severity.Error)
        {
            Interlocked.Increment(ref _errors);
        }

        _items.Enqueue(diagnostic);
    }

    public void Error(string code, string message, string? path = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Error, code, message, path, line, column));

    public void Warning(string code, string message, string? path = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Warning, code, message, path, line, column));

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    /// <summary>Everything reported so far, in the order it came.</summary>
    public IReadOnlyList<Diagnostic> All => _items.ToArray();

    /// <summary>
    /// Sorted as <see cref="Sorted()"/>, knowing the last build's sorted list: in serve nearly every
    /// diagnostic is one a cached result reported again (the very same object), so those keep their
    /// order from last time, and only the new ones are sorted and merged in.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted(IReadOnlyList<Diagnostic> previous)
    {
        var now = new HashSet<Diagnostic>(_items, ReferenceEqualityComparer.Instance);
        var kept = new List<Diagnostic>(now.Count);
        foreach (var diagnostic in previous)
        {
            if (now.Remove(diagnostic))
            {
                kept.Add(diagnostic);
            }
        }

        var added = now.ToArray();
        Array.Sort(added, Compare);
        var sorted = new List<Diagnostic>(kept.Count + added.Length);
        var (k, a) = (0, 0);
        while (k < kept.Count || a < added.Length)
        {
            var next = a == added.Length || (k < kept.Count && Compare(kept[k], added[a]) <= 0) ? kept[k++] : added[a++];
            if (sorted.Count == 0 || Compare(sorted[^1], next) != 0)
            {
                sorted.Add(next);
            }
        }

        return sorted;
    }

    /// <summary>Sorted by file, then position, so output is stable whatever the thread timing.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        // One array sort with one comparison, then identical neighbours dropped: a site with
        // thousands of warnings is sorted on every rebuild in serve, where a chain of LINQ keys
        // and a hash of every message cost tens of milliseconds.
        var all = _items.ToArray();
        Array.Sort(all, Compare);
        var sorted = new List<Diagnostic>(all.Length);
        foreach (var diagnostic in all)
        {
            if (sorted.Count == 0 || Compare(sorted[^1], diagnostic) != 0)
            {
                sorted.Add(diagnostic);
            }
        }

        return sorted;
    }

    /// <summary>By file, line, column, code, message and then severity, so equal diagnostics end up side by side.</summary>
    private static int Compare(Diagnostic a, Diagnostic b)
    {
        var order = string.CompareOrdinal(a.Path ?? "", b.Path ?? "");
        if (order == 0)
        {
            order = a.Line.CompareTo(b.Line);
        }

        if (order == 0)
        {
            order = a.Column.CompareTo(b.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Code, b.Code);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Message, b.Message);
        }

        return order == 0 ? a.Severity.CompareTo(b.Severity) : order;
    }
}
