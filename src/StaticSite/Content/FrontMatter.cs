using System.Text;
using StaticSite.Diagnostics;

namespace StaticSite.Content;

public sealed record SourceRef(string Title, string Publisher, string Url);

public sealed record Located(string Value, int Line, int Column);

/// <summary>The typed front matter of one page. See DESIGN.md section 2 for what each key means.</summary>
public sealed partial record FrontMatter
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Layout { get; init; }
    public string? Condition { get; init; }
    public IReadOnlyList<string> OtherNames { get; init; } = [];
    public string? Anatomy { get; init; }
    public string? Area { get; init; }
    public DateOnly? Reviewed { get; init; }
    public DateOnly? NextReview { get; init; }

    /// <summary>A line on where the words came from, shown with the review dates ("Rewritten in plain English from an earlier article").</summary>
    public string? History { get; init; }
    public IReadOnlyList<Located> Related { get; init; } = [];
    public IReadOnlyList<Located> Aliases { get; init; } = [];
    public IReadOnlyList<string> Treatments { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>The page is left out of builds before this day (<c>publish_date</c>), unless built with --future.</summary>
    public DateOnly? PublishDate { get; init; }

    /// <summary>The page is left out of builds from this day on (<c>expiry_date</c>), unless built with --expired.</summary>
    public DateOnly? ExpiryDate { get; init; }

    public IReadOnlyList<SourceRef> Sources { get; init; } = [];

    /// <summary>The page's terms in each taxonomy of site.yml, by taxonomy name, as site.yml spells them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Where each key's value was written (file line and column), for messages about it.</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> Positions { get; init; } =
        new Dictionary<string, (int, int)>();

    /// <summary>The file each key came from when it is not the page's own: a folder's <c>_defaults.yml</c>.</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } =
        new Dictionary<string, string>();

    public (int Line, int Column) PositionOf(string key) =>
        Positions.TryGetValue(key, out var p) ? p : (1, 1);

    /// <summary>Where a key's value was written: in the page (<paramref name="pagePath"/>) or in the defaults file it came from.</summary>
    public (string Path, int Line, int Column) Where(string key, string pagePath)
    {
        var (line, column) = PositionOf(key);
        return (Origins.GetValueOrDefault(key, pagePath), line, column);
    }

    public static readonly string[] Keys =
    [
        "title", "description", "layout", "condition", "other_names", "anatomy", "area", "reviewed",
        "next_review", "history", "related", "aliases", "treatments", "draft", "publish_date", "expiry_date", "sources",
    ];

    private static readonly string[] SourceKeys = ["title", "publisher", "url"];

    /// <summary>
    /// Splits <c>---</c> front matter from the body. Returns the YAML text, and the body with the
    /// front matter lines blanked so that Markdown line numbers equal file line numbers.
    /// </summary>
    public static (string? Yaml, string Body, int EndLine) Split(string text)
    {
        // Walks the lines of the front matter only; the body is cut out in one piece, not split
        // into lines and joined again, since this runs on every page.
        text = text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        var firstEnd = LineEnd(text, 0);
        if (!text.AsSpan(0, firstEnd).TrimEnd().SequenceEqual("---"))
        {
            return (null, text, 0);
        }

        var yamlStart = Math.Min(firstEnd + 1, text.Length);
        var line = 1;
        for (var start = yamlStart; start < text.Length || (start == text.Length && text.EndsWith('\n')); line++)
        {
            var end = LineEnd(text, start);
            if (text.AsSpan(start, end - start).TrimEnd() is "---" or "...")
            {
                var yaml = start > yamlStart ? text[yamlStart..(start - 1)] : "";
                return (yaml, Blanked(text, end < text.Length ? end + 1 : text.Length, line + 1), line + 1);
            }

            if (end >= text.Length)
            {
                break;
            }

            start = end + 1;
        }

        return (text[yamlStart..], "", -1);
    }

    /// <summary>The text from <paramref name="bodyStart"/> on, after as many empty lines as the front matter took: one string, made once.</summary>
    private static string Blanked(string text, int bodyStart, int lines) =>
        string.Create(lines + text.Length - bodyStart, (text, bodyStart, lines), static (body, state) =>
        {
            body[..state.lines].Fill('\n');
            state.text.AsSpan(state.bodyStart).CopyTo(body[state.lines..]);
        });

    /// <summary>
    /// <see cref="Split(string)"/> on a file's UTF-8 bytes (valid, without a byte order mark): the
    /// same YAML and body, the body left in the bytes (see <see cref="PageBody"/>) and only the
    /// YAML made a string. Line ends are ASCII, so lines are found in the bytes as in the text; a
    /// file with a carriage return in it goes the string's way, which turns CRLF into LF first.
    /// </summary>
    public static (string? Yaml, PageBody Body, int EndLine) Split(ReadOnlyMemory<byte> utf8)
    {
        var bytes = utf8.Span;
        if (bytes.Contains((byte)'\r'))
        {
            var (yaml, body, endLine) = Split(Encoding.UTF8.GetString(bytes));
            return (yaml, PageBody.Of(body), endLine);
        }

        var firstEnd = LineEnd(bytes, 0);
        if (!IsFence(bytes[..firstEnd], closing: false))
        {
            return (null, PageBody.InFile(utf8, 0), 0);
        }

        var yamlStart = Math.Min(firstEnd + 1, bytes.Length);
        var line = 1;
        for (var start = yamlStart; start < bytes.Length || (start == bytes.Length && bytes.EndsWith("\n"u8)); line++)
        {
            var end = LineEnd(bytes, start);
            if (IsFence(bytes[start..end], closing: true))
            {
                var yaml = start > yamlStart ? Encoding.UTF8.GetString(bytes[yamlStart..(start - 1)]) : "";
                return (yaml, PageBody.InFile(utf8[Math.Min(end + 1, bytes.Length)..], line + 1), line + 1);
            }

            if (end >= bytes.Length)
            {
                break;
            }

            start = end + 1;
        }

        return (Encoding.UTF8.GetString(bytes[yamlStart..]), PageBody.Empty, -1);
    }

    /// <summary>A line that opens front matter (---) or closes it (--- or ...), trailing white space allowed, as in the text.</summary>
    private static bool IsFence(ReadOnlySpan<byte> line, bool closing) =>
        (line.StartsWith("---"u8) || (closing && line.StartsWith("..."u8)))
        && Encoding.UTF8.GetString(line).AsSpan().TrimEnd() is var fence
        && (fence is "---" || (closing && fence is "..."));

    private static int LineEnd(ReadOnlySpan<byte> bytes, int start)
    {
        var end = bytes[start..].IndexOf((byte)'\n');
        return end < 0 ? bytes.Length : start + end;
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end;
    }

    /// <param name="taxonomies">site.yml's taxonomies: each name is a key too, and its terms are checked.</param>
    public static FrontMatter? Parse(string yaml, string path, DiagnosticBag diagnostics, IReadOnlyList<Taxonomy>? taxonomies = null) =>
        // The YAML starts on file line 2, after the opening '---'.
        Parse(yaml, path, 1, diagnostics, taxonomies ?? []);

    private static FrontMatter? Parse(string yaml, string path, int lineOffset, DiagnosticBag diagnostics, IReadOnlyList<Taxonomy> taxonomies)
    {
        var node = YamlMap.Parse(yaml, path, lineOffset, diagnostics, "front matter");
        if (node is null)
        {
            return null;
        }

        var map = new YamlMap(node, path, lineOffset, diagnostics);
        var keys = taxonomies.Count == 0 ? Keys : [.. Keys, .. taxonomies.Select(t => t.Name)];
        var positions = keys.Where(map.Has).ToDictionary(k => k, map.PositionOfValue);
        var sources = map.MapList("sources").Select(s =>
        {
            var title = s.String("title");
            var publisher = s.String("publisher");
            var url = s.String("url");
            s.ReportUnknownKeys("source", SourceKeys);
            var (line, column) = s.Position;
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(publisher) || string.IsNullOrWhiteSpace(url))
            {
                diagnostics.Error(Codes.MissingKey, "each source needs 'title', 'publisher' and 'url'", path, line, column);
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                diagnostics.Error(Codes.BadValue, $"source url must be an absolute https address, not '{url}'", path, line, column);
            }

            return new SourceRef(title ?? "", publisher ?? "", url ?? "");
        }).ToList();

        var matter = new FrontMatter
        {
            Title = map.String("title"),
            Description = map.String("description"),
            Layout = map.String("layout"),
            Condition = map.String("condition"),
            OtherNames = map.StringList("other_names").Select(x => x.Value).ToList(),
            Anatomy = map.String("anatomy"),
            Area = map.String("area"),
            Reviewed = map.Date("reviewed"),
            NextReview = map.Date("next_review"),
            History = map.String("history"),
            Related = map.StringList("related").Select(x => new Located(x.Value, x.Line, x.Column)).ToList(),
            Aliases = map.StringList("aliases").Select(x => new Located(x.Value, x.Line, x.Column)).ToList(),
            Treatments = map.StringList("treatments").Select(x => x.Value).ToList(),
            Draft = map.Bool("draft") ?? false,
            PublishDate = map.Date("publish_date"),
            ExpiryDate = map.Date("expiry_date"),
            Sources = sources,
            Terms = taxonomies.Where(t => map.Has(t.Name)).ToDictionary(t => t.Name, t => t.TermsOf(map, diagnostics), StringComparer.Ordinal),
            Positions = positions,
        };
        map.ReportUnknownKeys("front matter", keys);
        return matter;
    }
}
