using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using StaticSite.PlainEnglish;

namespace StaticSite.Search;

/// <summary>
/// Text → the terms the search index is keyed by, so "Strains", "strain’s" and "STRAIN" are one
/// term, and "Achillés" finds "Achilles". theme/assets/search.js does exactly the same to what a
/// reader types; a browser test holds the two to it, so change both together.
/// </summary>
/// <remarks>
/// Steps: fold accents and case; find words as the plain-English rules do (<see cref="Words"/>);
/// drop a possessive 's and other apostrophes, and the commas and points inside numbers; drop
/// words of one letter and the commonest English words; take each plural back to one stem.
/// </remarks>
public static class SearchTerms
{
    /// <summary>
    /// The commonest words, left out of the index and out of queries: they are in nearly every page,
    /// so they only make the index bigger and "why does my calf hurt" fail on "my".
    /// </summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "for", "from", "had", "has",
        "have", "how", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "so",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "were",
        "what", "when", "where", "which", "who", "why", "will", "with", "you", "your");

    // What NFD followed by dropping combining marks makes of each letter in Latin-1 Supplement to
    // Latin Extended-B (U+00C0–U+024F) and Latin Extended Additional (U+1E00–U+1EFF): the browser's
    // String.normalize('NFD') does this in search.js, but .NET in invariant globalization mode does
    // not normalise, so the build carries the result as a table. '.' = left as it is (æ, ø, ß).
    // Made with Python's unicodedata (Unicode 14).
    private const string LatinFolds =
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";

    private const string LatinAdditionalFolds =
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

    /// <summary>Hears each term of a text, in a buffer that is reused: copy it (ToString) to keep it.</summary>
    public delegate void TermVisitor(ReadOnlySpan<char> term);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The distinct terms of <paramref name="text"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        ForEach(text, term =>
        {
            if (lookup.Add(term))
            {
                terms.Add(term.ToString());
            }
        });
        return terms;
    }

    /// <summary>Calls <paramref name="visit"/> with each term of <paramref name="text"/>, repeats included.</summary>
    public static void ForEach(string text, TermVisitor visit) =>
        InPooledCopy(text, visit, static (copy, visit) => ForEachInPlace(copy, visit));

    /// <summary>Calls <paramref name="visit"/> with each word of <paramref name="text"/>, folded (see <see cref="ForEachWordInPlace"/>).</summary>
    public static void ForEachWord(string text, WordVisitor visit) =>
        InPooledCopy(text, visit, static (copy, visit) => ForEachWordInPlace(copy, visit));

    /// <summary>Reads a copy of the text that may be folded in place, in a pooled buffer.</summary>
    private static void InPooledCopy<TVisitor>(string text, TVisitor visit, SpanAction<char, TVisitor> read)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(buffer);
            read(buffer.AsSpan(0, text.Length), visit);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each term of <paramref name="text"/>, folding it where it
    /// is: every page's text goes through here, so no string is made per word, or per text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForEachInPlace(Span<char> text, TermVisitor visit)
    {
        var folded = text[..Fold(text)];
        Span<char> term = stackalloc char[64];
        foreach (var (start, length) in Words.In(folded))
        {
            var word = folded.Slice(start, length);
            var buffer = word.Length <= term.Length ? term : new char[word.Length];
            var termLength = Term(word, buffer);
            if (termLength > 0)
            {
                visit(buffer[..termLength]);
            }
        }
    }

    /// <summary>Hears each word of a folded text, before it is made a term (see <see cref="TermOf"/>), in a buffer that is reused.</summary>
    public delegate void WordVisitor(ReadOnlySpan<char> word);

    /// <summary>
    /// Folds <paramref name="text"/> where it is and calls <paramref name="visit"/> with each word,
    /// for a caller that remembers what term each word makes (a page repeats its words).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForEachWordInPlace(Span<char> text, WordVisitor visit)
    {
        var folded = text[..Fold(text)];
        foreach (var (start, length) in Words.In(folded))
        {
            visit(folded.Slice(start, length));
        }
    }

    /// <summary>
    /// One word as <see cref="ForEachWordInPlace"/> gave it → its term, written to
    /// <paramref name="term"/> (at least as long as the word); returns its length, 0 when it is not indexed.
    /// </summary>
    public static int TermOf(ReadOnlySpan<char> word, Span<char> term) => Term(word, term);

    /// <summary>Folds in place: accents off the letters that have them in NFD, then lower case; other characters are kept. Returns the new length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Fold(Span<char> text)
    {
        // Most text is ASCII: then folding is lower-casing, done many characters at a time.
        if (Ascii.IsValid(text))
        {
            Ascii.ToLowerInPlace(text, out var written);
            return written;
        }

        var length = 0;
        foreach (var c in text)
        {
            var folded = c switch
            {
                < '\u0080' => c,
                >= '\u00C0' and <= '\u024F' when LatinFolds[c - '\u00C0'] is var f && f != '.' => f,
                >= '\u1E00' and <= '\u1EFF' when LatinAdditionalFolds[c - '\u1E00'] is var f && f != '.' => f,
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => '\0',
                _ => c,
            };
            if (folded != '\0')
            {
                // A character is never written ahead of the one being read, so folding in place is safe.
                text[length++] = char.IsAsciiLetterUpper(folded) ? (char)(folded | 0x20) : folded;
            }
        }

        return length;
    }

    /// <summary>A text folded (see <see cref="Fold(Span{char})"/>), as a string.</summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        return new string(chars, 0, Fold(chars));
    }

    /// <summary>
    /// One word as <see cref="Words"/> found it in folded text → its term, written to
    /// <paramref name="term"/> (at least as long as the word); returns its length, 0 when it is not indexed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Term(ReadOnlySpan<char> word, Span<char> term)
    {
        var length = 0;
        if (char.IsAsciiDigit(word[0]))
        {
            // 10,000 and 10000 are one number; 1.5 becomes 15, which is at least the same both ways.
            foreach (var c in word)
            {
                if (char.IsAsciiDigit(c))
                {
                    term[length++] = c;
                }
            }

            return length < 2 ? 0 : length;
        }

        // runner's → runner; don't → dont
        if (word.Length > 2 && word[^1] == 's' && word[^2] is '\'' or '’')
        {
            word = word[..^2];
        }

        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                term[length++] = c;
            }
        }

        return length < 2 || StopWordLookup.Contains(term[..length]) ? 0 : Stem(term[..length]);
    }

    /// <summary>
    /// A light English stemmer for plurals: strains → strain, injuries → injury, aches and ache →
    /// ach, stretches → stretch, calves → calf. Stems need not be words, only the same for the
    /// singular and the plural; "stress", "virus" and "arthritis" are left alone.
    /// </summary>
    public static string Stem(string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, Stem(chars));
    }

    /// <summary>Stems the word in place (a stem is never longer than its word); returns the stem's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Stem(Span<char> word)
    {
        // Plurals no suffix rule undoes, as search.js lists them (a switch on the span, since every word asks).
        var singular = ((ReadOnlySpan<char>)word) switch
        {
            "calves" => "calf",
            "halves" => "half",
            "feet" => "foot",
            "teeth" => "tooth",
            "women" => "woman",
            "men" => "man",
            "children" => "child",
            _ => null,
        };
        if (singular is not null)
        {
            singular.CopyTo(word);
            return singular.Length;
        }

        var n = word.Length;
        if (n <= 3)
        {
            return n;
        }

        if (word.EndsWith("ies") && n > 4)
        {
            word[n - 3] = 'y';
            return n - 2;
        }

        if (word.EndsWith("ie"))
        {
            word[n - 2] = 'y';
            return n - 1;
        }

        if (word.EndsWith("sses") || word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("xes"))
        {
            return n - 2;
        }

        if (word.EndsWith("che") || word.EndsWith("she") || word.EndsWith("xe"))
        {
            return n - 1;
        }

        if (word[^1] == 's' && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
        {
            return n - 1;
        }

        return n;
    }

    /// <summary>The index file a term is in: its first character, or its first two on a large site (see <see cref="SearchIndex.KeyLength"/>).</summary>
    public static string ShardKey(string term, int keyLength) => term[..Math.Min(keyLength, term.Length)];
}
