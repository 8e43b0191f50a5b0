using System.Numerics;
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
    /// endings, and vowel pairs that are two syllables (li-on, be-ing, Austral-i-an). It runs once
    /// for every word of the site, so the vowels are found as bits of one number, counted without
    /// a branch a letter, and the pairs looked for only where an i is: about a third less time
    /// than loops over the letters, whose branches the processor could not predict.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Syllables(ReadOnlySpan<char> word)
    {
        if (word.Length <= MaxLetters && IsLettersOnly(word))
        {
            return CountLetters(word);
        }

        // Apostrophes (don't) and anything else but letters are left out; a very long word counts by its first letters.
        Span<char> letters = stackalloc char[MaxLetters];
        var length = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c) && length < MaxLetters)
            {
                letters[length++] = c;
            }
        }

        return CountLetters(letters[..length]);
    }

    private const int MaxLetters = 64;

    private static bool IsLettersOnly(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <param name="w">ASCII letters only, any case, at most 64 of them.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountLetters(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n == 0)
        {
            return 0;
        }

        if (n <= 3)
        {
            return 1;
        }

        // Bit i is set when letter i is a vowel (or an i); a vowel group starts at a vowel after a non-vowel.
        ulong vowels = 0, iAt = 0;
        for (var i = 0; i < n; i++)
        {
            var letter = (w[i] | 0x20) - 'a';
            vowels |= (ulong)((VowelBits >> (letter & 31)) & 1) << i;
            iAt |= (ulong)(letter == 'i' - 'a' ? 1 : 0) << i;
        }

        var count = BitOperations.PopCount(vowels & ~(vowels << 1));

        // Silent endings: "prove", "used", "tapes" (but "table", "wanted", "boxes" keep theirs).
        char last = Lower(w, n - 1), second = Lower(w, n - 2), third = Lower(w, n - 3);
        if (last == 'e' && second != 'l' && second != 'e' && count > 1)
        {
            count--;
        }
        else if (last == 'd' && second == 'e' && third != 't' && third != 'd' && count > 1 && !IsVowel(third))
        {
            count--;
        }
        else if (last == 's' && second == 'e' && count > 1 && !IsSibilantBeforeEs(w))
        {
            count--;
        }

        // Vowel pairs read as two syllables: "-ia-" after a consonant other than c/t/s/g
        // (australian, but social, nation), "-io" likewise (lion, but nation), "-ing" after a vowel (being).
        for (var rest = iAt; rest != 0; rest &= rest - 1)
        {
            var i = BitOperations.TrailingZeroCount(rest);
            if (i >= 1 && i + 1 < n)
            {
                var next = Lower(w, i + 1);
                if (next is 'a' or 'o' && ((PairConsonantBits >> (Lower(w, i - 1) - 'a')) & 1) != 0)
                {
                    count++;
                }
                else if (next == 'n' && i + 2 < n && Lower(w, i + 2) == 'g' && IsVowel(Lower(w, i - 1)))
                {
                    count++;
                }
            }
        }

        return Math.Max(1, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(ReadOnlySpan<char> letters, int i) => (char)(letters[i] | 0x20);

    /// <summary>As the published counter has it: s, x, z, ch, sh, ge or ce, then -es (the word ends in "es" and has four letters or more).</summary>
    private static bool IsSibilantBeforeEs(ReadOnlySpan<char> w)
    {
        char third = Lower(w, w.Length - 3), fourth = Lower(w, w.Length - 4);
        return third is 's' or 'x' or 'z'
            || (third == 'h' && fourth is 'c' or 's')
            || (third == 'e' && fourth is 'g' or 'c');
    }

    private const int PairConsonantBits = (1 << ('b' - 'a')) | (1 << ('d' - 'a')) | (1 << ('f' - 'a')) | (1 << ('h' - 'a')) | (1 << ('k' - 'a')) | (1 << ('l' - 'a'))
        | (1 << ('m' - 'a')) | (1 << ('n' - 'a')) | (1 << ('p' - 'a')) | (1 << ('r' - 'a')) | (1 << ('v' - 'a')) | (1 << ('w' - 'a')) | (1 << ('z' - 'a'));

    /// <summary>a, e, i, o, u or y (lower case), as one bit test: it runs for every letter of the site.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsVowel(char c) => (uint)(c - 'a') < 26 && ((VowelBits >> (c - 'a')) & 1) != 0;

    private const int VowelBits = (1 << ('a' - 'a')) | (1 << ('e' - 'a')) | (1 << ('i' - 'a')) | (1 << ('o' - 'a')) | (1 << ('u' - 'a')) | (1 << ('y' - 'a'));
}
