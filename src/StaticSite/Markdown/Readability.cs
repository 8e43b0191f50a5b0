using System.Text.RegularExpressions;
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
public static partial class Readability
{
    /// <summary>The default bar; a site sets its own with <c>min_reading_ease</c> in site.yml.</summary>
    public const double DefaultMinimumReadingEase = 60;

    public static ReadabilityScore Score(IEnumerable<ProseBlock> prose)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var block in prose)
        {
            var (w, s, y) = Count(block.Text);
            words += w;
            syllables += y;
            // A paragraph or list item always ends a sentence, full stop or not.
            sentences += Math.Max(1, s);
        }

        return new ReadabilityScore(words, Math.Max(1, sentences), syllables);
    }

    public static ReadabilityScore Score(string text) => Score([new ProseBlock(text, false)]);

    private static (int Words, int Sentences, int Syllables) Count(string text)
    {
        var words = Sentences.WordPattern().Matches(text).Select(m => m.Value).ToList();
        // Sentence ends: . ! ? followed by space or the end, not inside numbers (1.5) or e.g.
        var sentences = Sentences.SentenceEnd().Count(text);
        return (words.Count, sentences, words.Sum(Syllables));
    }

    /// <summary>
    /// Syllables by vowel groups, with the usual corrections: a silent final e, -ed and -es
    /// endings, and vowel pairs that are two syllables (li-on, be-ing, Austral-i-an).
    /// </summary>
    public static int Syllables(string word)
    {
        var w = new string(word.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var count = VowelGroup().Matches(w).Count;

        // Silent endings: "prove", "used", "tapes" (but "table", "wanted", "boxes" keep theirs).
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal) && count > 1 && !IsVowel(w[^3]))
        {
            count--;
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && count > 1 && !SibilantBeforeEs().IsMatch(w))
        {
            count--;
        }

        // Vowel pairs read as two syllables: "-ia-" after a consonant other than c/t/s/g
        // (australian, but social, nation), "-io" likewise (lion, but nation), "-ing" after a vowel (being).
        count += SplitPair().Matches(w).Count;
        count += VowelThenIng().Matches(w).Count;
        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    [GeneratedRegex("(?:[sxz]|ch|sh|ge|ce)es$")]
    private static partial Regex SibilantBeforeEs();

    [GeneratedRegex("[bdfhklmnprvwz]i[ao]")]
    private static partial Regex SplitPair();

    [GeneratedRegex("(?<=[aeiouy])ing")]
    private static partial Regex VowelThenIng();
}
