using System.Collections.Frozen;
using System.Reflection;
using StaticSite.Diagnostics;

namespace StaticSite.PlainEnglish;

/// <summary>
/// On a British English site (<c>language: en-GB</c>), a US spelling or term (fiber, color,
/// physical therapist) reads as a mistake and can send readers to the wrong service, so each one
/// is a warning that names the UK form. The word list is one data file, <c>uk-spellings.txt</c>.
/// </summary>
public sealed class SpellingVariantRule : IProseRule
{
    /// <summary>US word (or the first word of a US phrase) → the phrases starting with it, longest first.</summary>
    private readonly FrozenDictionary<string, (string[] Words, string Uk)[]> _byFirstWord;
    private readonly FrozenDictionary<string, (string[] Words, string Uk)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SpellingVariantRule(IReadOnlyDictionary<string, string> ukFor)
    {
        _byFirstWord = ukFor
            .Select(p => (Words: p.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries), Uk: p.Value))
            .GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
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

        return new SpellingVariantRule(pairs);
    }

    /// <summary>One dictionary lookup a word, not a regex: this runs over every word of the site.</summary>
    public void Check(ProseText prose, ProseReport report)
    {
        var text = prose.Text.AsSpan();
        var words = new List<(int Start, int Length)>();
        foreach (var word in Words.In(text))
        {
            words.Add(word);
        }

        for (var i = 0; i < words.Count; i++)
        {
            var (start, length) = words[i];
            if (!_lookup.TryGetValue(text.Slice(start, length), out var phrases))
            {
                continue;
            }

            foreach (var (phrase, uk) in phrases)
            {
                if (Matches(text, words, i, phrase) is { } end)
                {
                    var us = text[start..end].ToString();
                    var suggestion = char.IsUpper(us[0]) ? char.ToUpperInvariant(uk[0]) + uk[1..] : uk;
                    report(start, $"'{us}' is US English; this site is en-GB, so write '{suggestion}'");
                    i += phrase.Length - 1;
                    break;
                }
            }
        }
    }

    /// <summary>Where the phrase ends if its words follow word <paramref name="first"/>, one space apart.</summary>
    private static int? Matches(ReadOnlySpan<char> text, List<(int Start, int Length)> words, int first, string[] phrase)
    {
        if (first + phrase.Length > words.Count)
        {
            return null;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var (start, length) = words[first + k];
            if (!text.Slice(start, length).Equals(phrase[k], StringComparison.OrdinalIgnoreCase)
                || (k > 0 && start != words[first + k - 1].Start + words[first + k - 1].Length + 1))
            {
                return null;
            }
        }

        var (lastStart, lastLength) = words[first + phrase.Length - 1];
        return lastStart + lastLength;
    }
}
