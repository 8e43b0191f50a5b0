using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Whether any listed US word has this length, first letter and last letter (<see cref="Slot"/>):
    /// nearly every word of a page is let through by this alone, without hashing it.
    /// </summary>
    private readonly bool[] _mayBeListed;

    private SpellingVariantRule(IReadOnlyDictionary<string, string> ukFor)
    {
        _byFirstWord = ukFor
            .Select(p => (Words: p.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries), Uk: p.Value))
            .GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _mayBeListed = new bool[(MaxSlotLength + 1) * 27 * 27];
        foreach (var word in _byFirstWord.Keys)
        {
            _mayBeListed[Slot(word)] = true;
        }
    }

    private const int MaxSlotLength = 32;

    /// <summary>A word's length (longer ones share the last), first letter and last letter, any case (anything but a letter shares one more).</summary>
    private static int Slot(ReadOnlySpan<char> word) =>
        (((Math.Min(word.Length, MaxSlotLength) * 27) + Letter(word[0])) * 27) + Letter(word[^1]);

    private static int Letter(char c) => char.IsAsciiLetter(c) ? (c | 0x20) - 'a' : 26;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Check(ProseText prose, ProseReport report)
    {
        var text = prose.Text.AsSpan();
        var words = Words.In(text);
        while (words.MoveNext())
        {
            var (start, length) = words.Current;
            var word = text.Slice(start, length);
            if (!_mayBeListed[Slot(word)] || !_lookup.TryGetValue(word, out var phrases))
            {
                continue;
            }

            foreach (var (phrase, uk) in phrases)
            {
                if (Matches(text, start, phrase) is { } end)
                {
                    var us = text[start..end].ToString();
                    var suggestion = char.IsUpper(us[0]) ? char.ToUpperInvariant(uk[0]) + uk[1..] : uk;
                    report(start, $"'{us}' is US English; this site is en-GB, so write '{suggestion}'");
                    // The next word looked at is the one after the phrase.
                    words = Words.In(text, end);
                    break;
                }
            }
        }
    }

    /// <summary>Where the phrase ends if its words are the words from <paramref name="start"/> on, one space apart.</summary>
    private static int? Matches(ReadOnlySpan<char> text, int start, string[] phrase)
    {
        var words = Words.In(text, start);
        var end = -1;
        foreach (var part in phrase)
        {
            if (!words.MoveNext())
            {
                return null;
            }

            var (wordStart, length) = words.Current;
            if (!text.Slice(wordStart, length).Equals(part, StringComparison.OrdinalIgnoreCase) || (end >= 0 && wordStart != end + 1))
            {
                return null;
            }

            end = wordStart + length;
        }

        return end;
    }
}
