using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
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

    /// <summary>Plurals no suffix rule undoes, as search.js lists them.</summary>
    public static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["calves"] = "calf",
        ["halves"] = "half",
        ["feet"] = "foot",
        ["teeth"] = "tooth",
        ["women"] = "woman",
        ["men"] = "man",
        ["children"] = "child",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // What NFD followed by dropping combining marks makes of each letter in Latin-1 Supplement to
    // Latin Extended-B (U+00C0–U+024F) and Latin Extended Additional (U+1E00–U+1EFF): the browser's
    // String.normalize('NFD') does this in search.js, but .NET in invariant globalization mode does
    // not normalise, so the build carries the result as a table. '.' = left as it is (æ, ø, ß).
    // Made with Python's unicodedata (Unicode 14).
    private const string LatinFolds =
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";

    private const string LatinAdditionalFolds =
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

    /// <summary>The distinct terms of <paramref name="text"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ForEach(text, term =>
        {
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        });
        return terms;
    }

    /// <summary>Calls <paramref name="add"/> with each term of <paramref name="text"/>, repeats included.</summary>
    public static void ForEach(string text, Action<string> add)
    {
        var folded = Fold(text);
        foreach (var (start, length) in Words.In(folded))
        {
            if (Term(folded.AsSpan(start, length)) is { } term)
            {
                add(term);
            }
        }
    }

    /// <summary>Accents off the letters that have them in NFD, then lower case; other characters are kept.</summary>
    public static string Fold(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
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
                    buffer[length++] = char.IsAsciiLetterUpper(folded) ? (char)(folded | 0x20) : folded;
                }
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>One word as <see cref="Words"/> found it in folded text → its term, or null when it is not indexed.</summary>
    private static string? Term(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        if (char.IsAsciiDigit(word[0]))
        {
            // 10,000 and 10000 are one number; 1.5 becomes 15, which is at least the same both ways.
            foreach (var c in word)
            {
                if (char.IsAsciiDigit(c))
                {
                    builder.Append(c);
                }
            }

            return builder.Length < 2 ? null : builder.ToString();
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
                builder.Append(c);
            }
        }

        var plain = builder.ToString();
        return plain.Length < 2 || StopWords.Contains(plain) ? null : Stem(plain);
    }

    /// <summary>
    /// A light English stemmer for plurals: strains → strain, injuries → injury, aches and ache →
    /// ach, stretches → stretch, calves → calf. Stems need not be words, only the same for the
    /// singular and the plural; "stress", "virus" and "arthritis" are left alone.
    /// </summary>
    public static string Stem(string word)
    {
        if (Irregular.TryGetValue(word, out var singular))
        {
            return singular;
        }

        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ie", StringComparison.Ordinal))
        {
            return word[..^2] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("che", StringComparison.Ordinal) || word.EndsWith("she", StringComparison.Ordinal) || word.EndsWith("xe", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>The index file a term is in: its first two characters.</summary>
    public static string ShardKey(string term) => term[..2];
}
