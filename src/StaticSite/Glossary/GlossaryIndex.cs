using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Glossary;

/// <summary>
/// One term from <c>input/glossary.yml</c>: a medical word or an abbreviation, defined once in
/// plain words. <see cref="Forms"/> are the spellings that link to it (the term, its plural and
/// any <c>also</c> forms); <see cref="Id"/> is its fragment on the glossary page.
/// </summary>
public sealed record GlossaryEntry(string Term, string? StandsFor, string Definition, IReadOnlyList<string> Forms, string Id, int Line, int Column)
{
    /// <summary>Abbreviations (DVT, NSAID) match case-sensitively; words (tendon) in any case.</summary>
    public bool IsAbbreviation => StandsFor is not null;
}

/// <summary>
/// The site's glossary, read once per build and looked up by key: which entry a word in an article
/// is, and where the glossary page is. Empty when the site has no <c>glossary.yml</c>.
/// </summary>
public sealed class GlossaryIndex
{
    public const string FileName = "glossary.yml";

    /// <summary>The page the entries are published on: <c>input/glossary.md</c> if the author wrote one (for its title and introduction), else a generated one.</summary>
    public const string PageSource = "glossary.md";

    private static readonly string[] Keys = ["terms"];
    private static readonly string[] EntryKeys = ["term", "stands_for", "definition", "also"];

    private readonly FrozenDictionary<string, GlossaryEntry> _byForm;
    private readonly Regex? _matcher;

    private GlossaryIndex(IReadOnlyList<GlossaryEntry> entries, string displayPath)
    {
        Entries = entries;
        DisplayPath = displayPath;
        _byForm = entries.SelectMany(e => e.Forms.Select(f => (Form: f, Entry: e)))
            .ToFrozenDictionary(x => x.Form, x => x.Entry, StringComparer.OrdinalIgnoreCase);
        if (entries.Count > 0)
        {
            // One pass over each text finds every term; longest forms first, so "stress fracture" wins over "stress".
            var forms = entries
                .SelectMany(e => e.Forms.Select(f => Pattern(e, f)))
                .OrderByDescending(f => f.Length)
                .ThenBy(f => f, StringComparer.Ordinal);
            _matcher = new Regex($@"(?<![\p{{L}}\p{{N}}'’-])(?:{string.Join('|', forms)})(?![\p{{L}}\p{{N}}-])", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
    }

    public static GlossaryIndex Empty { get; } = new([], "");

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>The glossary file as shown in messages, e.g. <c>input/glossary.yml</c>.</summary>
    public string DisplayPath { get; }

    public bool HasEntries => Entries.Count > 0;

    /// <summary>Each term in <paramref name="text"/>, in order, with where it starts.</summary>
    public IEnumerable<(GlossaryEntry Entry, int Index, int Length)> Find(string text)
    {
        if (_matcher is null)
        {
            yield break;
        }

        foreach (Match match in _matcher.Matches(text))
        {
            if (EntryFor(match.Value) is { } entry)
            {
                yield return (entry, match.Index, match.Length);
            }
        }
    }

    /// <summary>
    /// The entry a matched word belongs to. The regex ignores case by Unicode's rules, which also
    /// pair letters that OrdinalIgnoreCase keeps apart (the Kelvin sign K with k, the long s ſ with
    /// s), so a word the lookup misses is matched form by form, as the regex matched it.
    /// </summary>
    private GlossaryEntry? EntryFor(string found) =>
        _byForm.TryGetValue(found, out var entry)
            ? entry
            : Entries.FirstOrDefault(e => e.Forms.Any(form => Regex.IsMatch(found, $"^{Pattern(e, form)}$", RegexOptions.CultureInvariant)));

    private static string Pattern(GlossaryEntry entry, string form) =>
        entry.IsAbbreviation ? Regex.Escape(form) : "(?i:" + Regex.Escape(form) + ")";

    /// <summary>
    /// The site's glossary, or an empty one when there is none or it cannot be used (reported). An
    /// exception while reading it is an error on the file, never a crash of the build.
    /// </summary>
    public static GlossaryIndex Load(BuildContext context)
    {
        var file = Path.Combine(context.InputDir, FileName);
        if (!File.Exists(file))
        {
            return Empty;
        }

        var display = context.Display(file);
        try
        {
            return InputText.Read(file, display, context.Diagnostics) is { } text ? Parse(context, text, display) : Empty;
        }
        catch (Exception e) when (PageFailure.IsRecoverable(e))
        {
            PageFailure.Report(context.Diagnostics, display, "reading", e);
            return Empty;
        }
    }

    private static GlossaryIndex Parse(BuildContext context, string text, string display)
    {
        var node = YamlMap.Parse(text, display, 0, context.Diagnostics, "the glossary");
        if (node is null)
        {
            return Empty;
        }

        var map = new YamlMap(node, display, 0, context.Diagnostics);
        var entries = new List<GlossaryEntry>();
        var claimed = new Dictionary<string, GlossaryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in map.MapList("terms"))
        {
            var term = item.String("term")?.Trim();
            var standsFor = item.String("stands_for")?.Trim();
            var definition = item.String("definition")?.Trim();
            var also = item.StringList("also").Select(a => a.Value).ToList();
            item.ReportUnknownKeys("glossary entry", EntryKeys);
            var (line, column) = item.Position;
            if (string.IsNullOrEmpty(term) || string.IsNullOrEmpty(definition))
            {
                context.Diagnostics.Error(Codes.GlossaryEntry, "each glossary entry needs 'term' and 'definition' (and 'stands_for' for an abbreviation)", display, line, column);
                continue;
            }

            // A plural links too: "NSAIDs" finds NSAID, "tendons" finds tendon.
            var forms = new[] { term, term + "s" }.Concat(also).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var entry = new GlossaryEntry(term, string.IsNullOrEmpty(standsFor) ? null : standsFor, definition, forms, "term-" + Slug.From(term), line, column);
            if (forms.FirstOrDefault(claimed.ContainsKey) is { } clash)
            {
                var first = claimed[clash];
                context.Diagnostics.Warning(Codes.GlossaryDuplicate,
                    $"'{clash}' is defined twice: this entry and '{first.Term}' at line {first.Line}; keep one (the first is used)",
                    display, line, column);
                continue;
            }

            foreach (var form in forms)
            {
                claimed[form] = entry;
            }

            entries.Add(entry);
        }

        map.ReportUnknownKeys("glossary", Keys);
        return new GlossaryIndex(entries.OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Term, StringComparer.Ordinal).ToList(), display);
    }

    /// <summary>
    /// The pages to build, with the glossary page added when the site has a glossary but the author
    /// wrote no <c>input/glossary.md</c> to introduce it.
    /// </summary>
    public IReadOnlyList<SourceDocument> WithPage(IReadOnlyList<SourceDocument> pages)
    {
        if (!HasEntries || pages.Any(p => p.SourcePath == PageSource))
        {
            return pages;
        }

        var page = new SourceDocument
        {
            SourcePath = PageSource,
            DisplayPath = DisplayPath,
            Meta = new FrontMatter
            {
                Title = "Glossary",
                Description = "Medical words and abbreviations used on this site, explained in plain English.",
            },
            Body = "",
            SitePath = "/glossary/",
            OutputPath = "glossary/index.html",
            Layout = Layouts.Page,
            Section = "",
        };
        return [.. pages.Append(page).OrderBy(p => p.SitePath, StringComparer.Ordinal)];
    }

    /// <summary>An entry no article uses is either a typo in a form or dead weight: say which.</summary>
    public void ReportUnused(DiagnosticBag diagnostics, IEnumerable<ProcessedPage> pages)
    {
        var used = pages.SelectMany(p => p.GlossaryTerms).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Entries.Where(e => !used.Contains(e.Id)))
        {
            diagnostics.Warning(Codes.GlossaryUnused,
                $"glossary term '{entry.Term}' is not used in any article; remove it, or add the form articles use under 'also'",
                DisplayPath, entry.Line, entry.Column);
        }
    }
}
