using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using StaticSite.Diagnostics;

namespace StaticSite.PlainEnglish;

/// <summary>
/// On a British English site (<c>language: en-GB</c>), a US spelling or term (fiber, color,
/// physical therapist) reads as a mistake and can send readers to the wrong service, so each one
/// is a warning that names the UK form. The word list is one data file, <c>uk-spellings.txt</c>.
/// </summary>
public sealed class SpellingVariantRule : IProseRule
{
    private readonly FrozenDictionary<string, string> _ukFor;
    private readonly Regex _pattern;

    private SpellingVariantRule(FrozenDictionary<string, string> ukFor)
    {
        _ukFor = ukFor;
        var alternatives = string.Join('|', ukFor.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape));
        _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public string Code => Codes.UsSpelling;
    public Severity Severity => Severity.Warning;

    /// <summary>The rule with the word list shipped in the generator.</summary>
    public static SpellingVariantRule Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StaticSite.PlainEnglish.uk-spellings.txt")
            ?? throw new InvalidOperationException("uk-spellings.txt is not embedded in the generator");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Lines of <c>us -> uk</c>; <c>#</c> starts a comment. A pair also covers the plural (+s), and
    /// a pair ending in -ize/-ise covers -izes, -ized, -izing and -ization too.
    /// </summary>
    public static SpellingVariantRule Parse(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split("->", 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"uk-spellings.txt: '{line}' is not 'us -> uk'");
            }

            var (us, uk) = (parts[0], parts[1]);
            pairs.TryAdd(us, uk);
            pairs.TryAdd(us + "s", uk + "s");
            if (us.EndsWith("ize", StringComparison.Ordinal) && uk.EndsWith("ise", StringComparison.Ordinal))
            {
                var (usStem, ukStem) = (us[..^1], uk[..^1]);
                foreach (var ending in (string[])["es", "ed", "ing", "ation", "ations"])
                {
                    pairs.TryAdd(usStem + ending, ukStem + ending);
                }
            }
        }

        return new SpellingVariantRule(pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public void Check(ProseText prose, ProseReport report)
    {
        foreach (Match match in _pattern.Matches(prose.Text))
        {
            var uk = _ukFor[match.Value];
            if (char.IsUpper(match.Value[0]))
            {
                uk = char.ToUpperInvariant(uk[0]) + uk[1..];
            }

            report(match.Index, $"'{match.Value}' is US English; this site is en-GB, so write '{uk}'");
        }
    }
}
