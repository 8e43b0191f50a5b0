using System.Collections.Frozen;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Content;

/// <summary>One term of a taxonomy as site.yml declares it ("hill running"), with its URL segment ("hill-running").</summary>
public sealed record TaxonomyTerm(string Name, string Slug, int Line, int Column)
{
    /// <summary>The term as a heading or link: "Hill running".</summary>
    public string Title => Name.Length == 0 ? Name : char.ToUpperInvariant(Name[0]) + Name[1..];
}

/// <summary>
/// A way of grouping pages declared in site.yml (<c>taxonomies</c>), such as the activity that
/// brings a problem on. Pages name their terms in front matter under the taxonomy's name; only
/// declared terms are allowed, so a typo is an error with a suggestion rather than a new, lonely
/// page. The build publishes an index at <c>/NAME/</c> and a page per term at <c>/NAME/TERM/</c>.
/// </summary>
public sealed record Taxonomy
{
    public required string Name { get; init; }

    /// <summary>The index page's title and the label beside a page's terms ("Activities").</summary>
    public required string Title { get; init; }

    /// <summary>The index page's description.</summary>
    public required string Description { get; init; }

    /// <summary>Each term page's description, with <c>{term}</c> standing for the term.</summary>
    public required string TermDescription { get; init; }

    /// <summary>In the order site.yml lists them, which is the order of the index page.</summary>
    public required IReadOnlyList<TaxonomyTerm> Terms
    {
        get => _terms;
        init
        {
            _terms = value;
            _byName = value.DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        }
    }

    public int Line { get; init; }
    public int Column { get; init; }

    private readonly IReadOnlyList<TaxonomyTerm> _terms = [];
    private readonly FrozenDictionary<string, TaxonomyTerm> _byName = FrozenDictionary<string, TaxonomyTerm>.Empty;

    /// <summary>The declared term an author wrote, ignoring case; null when it is not declared.</summary>
    public TaxonomyTerm? Find(string written) => _byName.GetValueOrDefault(written.Trim());

    public string DescriptionOf(TaxonomyTerm term) => TermDescription.Replace(TermPlaceholder, term.Name, StringComparison.Ordinal);

    /// <summary>The index page's site path, <c>/activity/</c>.</summary>
    public string SitePath => "/" + Name + "/";

    public string SitePathOf(TaxonomyTerm term) => "/" + Name + "/" + term.Slug + "/";

    public const string TermPlaceholder = "{term}";

    private static readonly string[] Keys = ["name", "title", "description", "term_description", "terms"];

    /// <summary>Reads site.yml's <c>taxonomies</c> list, reporting each mistake where it was written.</summary>
    internal static IReadOnlyList<Taxonomy> Read(YamlMap config, DiagnosticBag diagnostics)
    {
        var taxonomies = new List<Taxonomy>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in config.MapList("taxonomies"))
        {
            var name = item.String("name");
            var title = item.String("title");
            var description = item.String("description");
            var termDescription = item.String("term_description") ?? "Pages about " + TermPlaceholder + ".";
            var written = item.StringList("terms");
            item.ReportUnknownKeys("taxonomy", Keys);
            var (line, column) = item.Position;
            void Error(string message, (int Line, int Column) at) => diagnostics.Error(Codes.Config, message, config.Path, at.Line, at.Column);

            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(title) || string.IsNullOrEmpty(description) || written.Count == 0)
            {
                Error("each taxonomy needs 'name', 'title', 'description' and a list of 'terms'", (line, column));
                continue;
            }

            var namePosition = item.PositionOfValue("name");
            if (!IsCleanName(name))
            {
                Error($"taxonomy name '{name}' must be lower-case letters, digits, '-' or '_', starting with a letter: it is the front matter key and the address /{name}/", namePosition);
                continue;
            }

            if (FrontMatter.Keys.Contains(name, StringComparer.Ordinal))
            {
                Error($"taxonomy name '{name}' is already a front matter key; choose another name", namePosition);
                continue;
            }

            if (!names.Add(name))
            {
                Error($"taxonomy '{name}' is declared twice", namePosition);
                continue;
            }

            if (!termDescription.Contains(TermPlaceholder, StringComparison.Ordinal))
            {
                Error($"'term_description' must say where the term goes with {TermPlaceholder}, or every term page would have the same description", item.PositionOfValue("term_description"));
            }

            var terms = new List<TaxonomyTerm>();
            var bySlug = new Dictionary<string, TaxonomyTerm>(StringComparer.Ordinal);
            foreach (var (value, termLine, termColumn) in written)
            {
                var term = new TaxonomyTerm(value, Slug.From(value), termLine, termColumn);
                if (bySlug.TryGetValue(term.Slug, out var first))
                {
                    Error($"term '{value}' has the same address as '{first.Name}' (line {first.Line}): /{name}/{term.Slug}/; keep one", (termLine, termColumn));
                    continue;
                }

                bySlug[term.Slug] = term;
                terms.Add(term);
            }

            taxonomies.Add(new Taxonomy
            {
                Name = name,
                Title = title,
                Description = description,
                TermDescription = termDescription,
                Terms = terms,
                Line = line,
                Column = column,
            });
        }

        return taxonomies;
    }

    private static bool IsCleanName(string name) =>
        char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>
    /// A page's terms for this taxonomy, as declared (so "Hill Running" is stored as "hill running"),
    /// each unknown one reported at the line and column it was written, with the nearest declared term.
    /// </summary>
    internal IReadOnlyList<string> TermsOf(YamlMap frontMatter, DiagnosticBag diagnostics)
    {
        var found = new List<string>();
        foreach (var (value, line, column) in frontMatter.StringList(Name))
        {
            if (Find(value) is { } term)
            {
                if (!found.Contains(term.Name, StringComparer.Ordinal))
                {
                    found.Add(term.Name);
                }

                continue;
            }

            var hint = YamlMap.Suggest(value.ToLowerInvariant(), Terms.Select(t => t.Name.ToLowerInvariant()));
            diagnostics.Error(Codes.UnknownTerm,
                hint is null
                    ? $"unknown {Name} '{value}': the terms are declared in site.yml ({string.Join(", ", Terms.Select(t => t.Name))}); add it there, or use one of them"
                    : $"unknown {Name} '{value}'; did you mean '{Terms.First(t => t.Name.Equals(hint, StringComparison.OrdinalIgnoreCase)).Name}'?",
                frontMatter.Path, line, column);
        }

        return found;
    }
}

/// <summary>Marks a page the build makes for a taxonomy: its index (<see cref="Term"/> null) or one term's page.</summary>
public sealed record TaxonomyPlace(Taxonomy Taxonomy, TaxonomyTerm? Term);
