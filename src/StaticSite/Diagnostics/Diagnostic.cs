using System.Collections.Concurrent;
using System.Globalization;

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
    public string Location => Path is null
        ? "StaticSite"
        : Line <= 0 ? Path
        : Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}")
        : string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}");

    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Thread-safe collector; stages running in parallel report into one bag.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string code, string message, string? path = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Error, code, message, path, line, column));

    public void Warning(string code, string message, string? path = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Warning, code, message, path, line, column));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Everything reported so far, in the order it came.</summary>
    public IReadOnlyList<Diagnostic> All => _items.ToArray();

    /// <summary>Sorted by file, then position, so output is stable whatever the thread timing.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .Distinct()
        .OrderBy(d => d.Path ?? "", StringComparer.Ordinal)
        .ThenBy(d => d.Line)
        .ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
