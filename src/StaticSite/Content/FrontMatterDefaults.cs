using StaticSite.Diagnostics;

namespace StaticSite.Content;

/// <summary>
/// Front matter that a folder's <c>_defaults.yml</c> gives every page below it. The same keys and
/// checks as a page's own front matter, reported at the defaults file's own lines; a page's own
/// value wins, even an empty one, so writing <c>area:</c> with nothing after it opts a page out.
/// </summary>
public sealed partial record FrontMatter
{
    /// <summary>The file name that holds a folder's defaults.</summary>
    public const string DefaultsFileName = "_defaults.yml";

    /// <summary>
    /// Keys that belong to one page and make no sense as a default: every page needs its own title
    /// and description, an old address can redirect to one page only, and related pages are
    /// written relative to the page.
    /// </summary>
    public static readonly IReadOnlyList<string> PageOnlyKeys = ["title", "description", "aliases", "related"];

    /// <summary>Reads a <c>_defaults.yml</c> file (plain YAML, no <c>---</c> lines); null when it cannot be read as front matter.</summary>
    public static FrontMatter? ParseDefaults(string yaml, string path, DiagnosticBag diagnostics, IReadOnlyList<Taxonomy>? taxonomies = null)
    {
        var defaults = Parse(yaml, path, 0, diagnostics, taxonomies ?? []);
        if (defaults is null)
        {
            return null;
        }

        foreach (var key in PageOnlyKeys.Where(defaults.Positions.ContainsKey))
        {
            var (line, column) = defaults.PositionOf(key);
            diagnostics.Error(Codes.UnknownKey, $"'{key}' belongs to each page and cannot be set in {DefaultsFileName}", path, line, column);
        }

        var own = defaults.Positions.Keys.Where(k => !PageOnlyKeys.Contains(k)).ToList();
        return defaults with
        {
            Positions = own.ToDictionary(k => k, k => defaults.Positions[k], StringComparer.Ordinal),
            Origins = own.ToDictionary(k => k, _ => path, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// This front matter with every key it does not set taken from <paramref name="defaults"/>,
    /// remembering which file each taken key came from so messages about it point there.
    /// </summary>
    public FrontMatter WithDefaults(FrontMatter defaults)
    {
        var taken = defaults.Positions.Keys.Where(k => !Positions.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        if (taken.Count == 0)
        {
            return this;
        }

        var positions = new Dictionary<string, (int, int)>(Positions, StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(Origins, StringComparer.Ordinal);
        foreach (var key in taken)
        {
            positions[key] = defaults.Positions[key];
            if (defaults.Origins.TryGetValue(key, out var origin))
            {
                origins[key] = origin;
            }
        }

        var terms = new Dictionary<string, IReadOnlyList<string>>(Terms, StringComparer.Ordinal);
        foreach (var (taxonomy, values) in defaults.Terms.Where(t => taken.Contains(t.Key)))
        {
            terms[taxonomy] = values;
        }

        T Pick<T>(string key, T own, T inherited) => taken.Contains(key) ? inherited : own;
        return this with
        {
            // Every key of Keys but PageOnlyKeys; FrontMatterDefaultsTests checks none is missed.
            Layout = Pick("layout", Layout, defaults.Layout),
            Condition = Pick("condition", Condition, defaults.Condition),
            OtherNames = Pick("other_names", OtherNames, defaults.OtherNames),
            Anatomy = Pick("anatomy", Anatomy, defaults.Anatomy),
            Area = Pick("area", Area, defaults.Area),
            Reviewed = Pick("reviewed", Reviewed, defaults.Reviewed),
            NextReview = Pick("next_review", NextReview, defaults.NextReview),
            History = Pick("history", History, defaults.History),
            Treatments = Pick("treatments", Treatments, defaults.Treatments),
            Draft = Pick("draft", Draft, defaults.Draft),
            PublishDate = Pick("publish_date", PublishDate, defaults.PublishDate),
            ExpiryDate = Pick("expiry_date", ExpiryDate, defaults.ExpiryDate),
            Sources = Pick("sources", Sources, defaults.Sources),
            Terms = terms,
            Positions = positions,
            Origins = origins,
        };
    }
}
