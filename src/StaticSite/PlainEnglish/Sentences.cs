using System.Text.RegularExpressions;

namespace StaticSite.PlainEnglish;

/// <summary>A sentence inside a run of prose: where it starts, how long it is, how many words it has.</summary>
public readonly record struct Sentence(int Start, int Length, int Words);

/// <summary>
/// The one definition of "word" and "sentence" that the readability score and the long-sentence
/// rule share, so the report and the warnings never disagree about what a sentence is.
/// </summary>
public static partial class Sentences
{
    /// <summary>Sentences of one paragraph or list item. Text after the last full stop is a sentence too.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        foreach (var end in SentenceEnd().EnumerateMatches(text))
        {
            Add(sentences, text, start, end.Index + end.Length);
            start = end.Index + end.Length;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end)
    {
        // Skip the spaces between sentences, so a sentence's position is its first word.
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var words = Words.Count(text.AsSpan(start, end - start));
        if (words > 0)
        {
            sentences.Add(new Sentence(start, end - start, words));
        }
    }

    /// <summary>A sentence end: . ! ? before a space or the end, but not in "e.g." or "Dr." or 1.5.</summary>
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|vs))[.!?]+(?=\s|$|[""'’”)])")]
    internal static partial Regex SentenceEnd();
}
