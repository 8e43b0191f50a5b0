using System.Runtime.CompilerServices;
using StaticSite.PlainEnglish;

namespace StaticSite.Markdown;

/// <summary>Flesch reading ease and Flesch-Kincaid grade of a page's prose.</summary>
public sealed record ReadabilityScore(int Words, int Sentences, int Syllables)
{
    /// <summary>206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch, 1948).</summary>
    public double ReadingEase => Words == 0 ? 0 : 206.835 - (1.015 * Words / Sentences) - (84.6 * Syllables / Words);

    /// <summary>0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al., 1975).</summary>
    public double Grade => Words == 0 ? 0 : (0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59;
}

/// <summary>
/// Scores prose the way the published formulas expect: headings and component titles are left
/// out (they are labels, not sentences), and each list item ends a sentence even without a full
/// stop, since a reader takes it in as one.
/// </summary>
public static class Readability
{
    /// <summary>The default bar; a site sets its own with <c>min_reading_ease</c> in site.yml.</summary>
    public const double DefaultMinimumReadingEase = 60;

    public static ReadabilityScore Score(IEnumerable<ProseBlock> prose) => Score(prose.Select(p => p.Text));

    /// <summary>Scores paragraphs and list items, each given as its plain text.</summary>
    public static ReadabilityScore Score(IEnumerable<string> paragraphs) => Score(paragraphs.Select(ProseMeasure.Of));

    /// <summary>Scores paragraphs and list items, each as the plain-English rules counted it.</summary>
    public static ReadabilityScore Score(IEnumerable<ProseMeasure> paragraphs)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var measure in paragraphs)
        {
            words += measure.Words;
            syllables += measure.Syllables;
            // A paragraph or list item always ends a sentence, full stop or not.
            sentences += Math.Max(1, measure.SentenceEnds);
        }

        return new ReadabilityScore(words, Math.Max(1, sentences), syllables);
    }

    public static ReadabilityScore Score(string text) => Score([new ProseBlock(text, false)]);

    public static int Syllables(string word) => Syllables(word.AsSpan());

    /// <summary>
    /// Syllables by vowel groups, with the usual corrections: a silent final e, -ed and -es
    /// endings, and vowel pairs that are two syllables (li-on, be-ing, Austral-i-an). Written as
    /// loops over the letters, not regexes, because it runs once for every word of the site.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Syllables(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var length = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c) && length < buffer.Length)
            {
                buffer[length++] = (char)(c | 0x20); // lower case: c is an ASCII letter
            }
        }

        ReadOnlySpan<char> w = buffer[..length];
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1])))
            {
                count++;
            }
        }

        // Silent endings: "prove", "used", "tapes" (but "table", "wanted", "boxes" keep theirs).
        if (w.EndsWith('e') && !w.EndsWith("le") && !w.EndsWith("ee") && count > 1)
        {
            count--;
        }
        else if (w.EndsWith("ed") && !w.EndsWith("ted") && !w.EndsWith("ded") && count > 1 && !IsVowel(w[^3]))
        {
            count--;
        }
        else if (w.EndsWith("es") && count > 1 && !IsSibilantBeforeEs(w))
        {
            count--;
        }

        // Vowel pairs read as two syllables: "-ia-" after a consonant other than c/t/s/g
        // (australian, but social, nation), "-io" likewise (lion, but nation), "-ing" after a vowel (being).
        for (var i = 0; i + 2 < w.Length;)
        {
            if (w[i] is 'b' or 'd' or 'f' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 'v' or 'w' or 'z' && w[i + 1] == 'i' && w[i + 2] is 'a' or 'o')
            {
                count++;
                i += 3;
            }
            else
            {
                i++;
            }
        }

        for (var i = 1; i + 3 <= w.Length;)
        {
            if (w[i] == 'i' && w[i + 1] == 'n' && w[i + 2] == 'g' && IsVowel(w[i - 1]))
            {
                count++;
                i += 3;
            }
            else
            {
                i++;
            }
        }

        return Math.Max(1, count);
    }

    /// <summary>As the published counter has it: s, x, z, ch, sh, ge or ce, then -es.</summary>
    private static bool IsSibilantBeforeEs(ReadOnlySpan<char> w) =>
        w.EndsWith("ses") || w.EndsWith("xes") || w.EndsWith("zes") || w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("gees") || w.EndsWith("cees");

    /// <summary>a, e, i, o, u or y (lower case), as one bit test: it runs for every letter of the site.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsVowel(char c) => (uint)(c - 'a') < 26 && ((VowelBits >> (c - 'a')) & 1) != 0;

    private const int VowelBits = (1 << ('a' - 'a')) | (1 << ('e' - 'a')) | (1 << ('i' - 'a')) | (1 << ('o' - 'a')) | (1 << ('u' - 'a')) | (1 << ('y' - 'a'));
}
