using System.Globalization;
using StaticSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticSite.Content;

/// <summary>
/// Reads a YAML mapping key by key, remembering where each value stands, so every complaint can
/// name the file and line. Keys that nobody asked for are reported by <see cref="ReportUnknownKeys"/>:
/// a typo in front matter must not pass silently.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    /// <summary>The mapping's entries in the order written: a map has a handful, so a key is found by a scan, with no key node made to ask the mapping's dictionary.</summary>
    private readonly KeyValuePair<YamlNode, YamlNode>[] _entries;

    /// <summary>The keys asked for, each once (a list: there are a handful).</summary>
    private readonly List<string> _known = [];

    public YamlMap(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _node = node;
        _entries = [.. node.Children];
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public string Path => _path;

    public (int Line, int Column) PositionOf(YamlNode node) => ((int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    public (int Line, int Column) PositionOfKey(string key)
    {
        foreach (var (k, _) in _entries)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return PositionOf(k);
            }
        }

        return PositionOf(_node);
    }

    public (int Line, int Column) Position => PositionOf(_node);

    /// <summary>Where a key's value was written (or the key itself, for an empty value).</summary>
    public (int Line, int Column) PositionOfValue(string key) =>
        ValueOf(key) is { } value && value.Start.Line > 0 && !IsNull(value)
            ? PositionOf(value)
            : PositionOfKey(key);

    public void Error(string code, string message, YamlNode at)
    {
        var (line, column) = PositionOf(at);
        _diagnostics.Error(code, message, _path, line, column);
    }

    public void Warning(string code, string message, YamlNode at)
    {
        var (line, column) = PositionOf(at);
        _diagnostics.Warning(code, message, _path, line, column);
    }

    private YamlNode? Get(string key)
    {
        if (!_known.Contains(key))
        {
            _known.Add(key);
        }

        return ValueOf(key);
    }

    public bool Has(string key) => ValueOf(key) is not null;

    /// <summary>
    /// The value of <paramref name="key"/> written as plain text: what the mapping's own lookup
    /// with a <c>YamlScalarNode(key)</c> finds, which matches a key's text and no tag (so not <c>!!str key</c>).
    /// </summary>
    private YamlNode? ValueOf(string key)
    {
        foreach (var (k, value) in _entries)
        {
            if (k is YamlScalarNode { Tag.IsEmpty: true } scalar && scalar.Value == key)
            {
                return value;
            }
        }

        return null;
    }

    public string? String(string key)
    {
        var value = Get(key);
        if (value is null || IsNull(value))
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value?.Trim();
        }

        Error(Codes.BadValue, $"'{key}' must be a single line of text", value);
        return null;
    }

    public bool? Bool(string key)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }

        switch (value)
        {
            case "true": return true;
            case "false": return false;
            default:
                Error(Codes.BadValue, $"'{key}' must be true or false, not '{value}'", Get(key)!);
                return null;
        }
    }

    public DateOnly? Date(string key)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Codes.BadValue, $"'{key}' must be a date written as YYYY-MM-DD, not '{value}'", Get(key)!);
        return null;
    }

    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/>, or null when the key is absent.</summary>
    public double? Number(string key, double min, double max)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Error(Codes.BadValue, string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a number from {min} to {max}, not '{value}'"), Get(key)!);
        return null;
    }

    public IReadOnlyList<(string Value, int Line, int Column)> StringList(string key)
    {
        var value = Get(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is YamlScalarNode single)
        {
            // One value written without brackets is still clearly a list of one.
            var (l, c) = PositionOf(single);
            return [(single.Value ?? "", l, c)];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(Codes.BadValue, $"'{key}' must be a list, like [a, b]", value);
            return [];
        }

        var items = new List<(string, int, int)>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
            {
                var (l, c) = PositionOf(s);
                items.Add((s.Value.Trim(), l, c));
            }
            else
            {
                Error(Codes.BadValue, $"each item of '{key}' must be a line of text", item);
            }
        }

        return items;
    }

    public IReadOnlyList<YamlMap> MapList(string key)
    {
        var value = Get(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(Codes.BadValue, $"'{key}' must be a list of entries, each starting with '- '", value);
            return [];
        }

        var maps = new List<YamlMap>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                maps.Add(new YamlMap(mapping, _path, _lineOffset, _diagnostics));
            }
            else
            {
                Error(Codes.BadValue, $"each entry of '{key}' must be a set of 'name: value' lines", item);
            }
        }

        return maps;
    }

    public void ReportUnknownKeys(string what, IEnumerable<string>? allowed = null)
    {
        var names = (allowed ?? _known).Order(StringComparer.Ordinal).ToList();
        foreach (var (key, _) in _entries)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                var hint = Suggest(name, names);
                Error(Codes.UnknownKey,
                    $"unknown {what} key '{name}'{(hint is null ? "" : $"; did you mean '{hint}'?")} (known keys: {string.Join(", ", names)})",
                    key);
            }
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null");

    /// <summary>The closest known key within two edits, to turn a typo into a one-glance fix.</summary>
    internal static string? Suggest(string name, IEnumerable<string> known) => known
        .Select(k => (Key: k, Distance: EditDistance(name, k)))
        .Where(x => x.Distance <= 2)
        .OrderBy(x => x.Distance)
        .Select(x => x.Key)
        .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The first line (from 1) at which the lines so far stop being readable YAML; only called on text that is not.</summary>
    private static int FirstUnreadableLine(string text)
    {
        var lines = text.Split('\n');
        for (var count = 1; count < lines.Length; count++)
        {
            try
            {
                new YamlStream().Load(new StringReader(string.Join('\n', lines[..count])));
            }
            catch (Exception e) when (PageFailure.IsRecoverable(e))
            {
                return count;
            }
        }

        return lines.Length;
    }

    /// <summary>Parses YAML text into a mapping, or reports where it is broken.</summary>
    public static YamlMappingNode? Parse(string text, string path, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        var root = ParseDocument(text, path, lineOffset, diagnostics, what);
        if (root is null)
        {
            return null;
        }

        if (root is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        if (root is YamlMappingNode map)
        {
            return map;
        }

        diagnostics.Error(Codes.YamlSyntax, $"{what} must be a set of 'name: value' lines", path, (int)root.Start.Line + lineOffset, (int)root.Start.Column);
        return null;
    }

    /// <summary>Parses YAML text into its root node, whatever it is (an empty text is an empty scalar), or reports where it is broken.</summary>
    public static YamlNode? ParseDocument(string text, string path, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes its own position; ours is already in the location.
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && paren > 0)
            {
                message = message[(paren + 3)..];
            }

            diagnostics.Error(Codes.YamlSyntax, $"{what} is not valid YAML: {message}", path, (int)e.Start.Line + lineOffset, (int)e.Start.Column);
            return null;
        }
        catch (Exception e) when (PageFailure.IsRecoverable(e))
        {
            // YamlDotNet sometimes stops with an exception that says nothing of where (found by the
            // fuzz test: "{a: [" then another key; "? key" then ": :"). The first line at which the
            // text so far cannot be read is where the author should look.
            diagnostics.Error(Codes.YamlSyntax,
                $"{what} is not valid YAML from this line: look for a bracket or quote left open, or a line that is not 'name: value'",
                path, FirstUnreadableLine(text) + lineOffset, 1);
            return null;
        }

        return stream.Documents.Count == 0 ? new YamlScalarNode() : stream.Documents[0].RootNode;
    }
}
