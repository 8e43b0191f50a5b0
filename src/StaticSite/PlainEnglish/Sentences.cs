using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace StaticSite.PlainEnglish;

/// <summary>A sentence inside a run of prose: where it starts, how long it is, how many words it has.</summary>
public readonly record struct Sentence(int Start, int Length, int Words);

/// <summary>
/// One run of prose counted once for everything that counts it (the long-sentence rule, the
/// readability score): its sentences, how many sentence ends it has, its words and their syllables.
/// </summary>
/// <param name="SentenceEnds">The full stops (and ! ?) that end a sentence; a run with none is still one sentence to a reader.</param>
public sealed record ProseMeasure(IReadOnlyList<Sentence> Sentences, int SentenceEnds, int Words, int Syllables)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ProseMeasure Of(string text)
    {
        var sentences = new List<Sentence>();
        int ends = 0, words = 0, syllables = 0, start = 0;
        foreach (var end in PlainEnglish.Sentences.SentenceEnd().EnumerateMatches(text))
        {
            ends++;
            Add(start, end.Index + end.Length);
            start = end.Index + end.Length;
        }

        Add(start, text.Length);
        return new ProseMeasure(sentences, ends, words, syllables);

        // No word runs over a sentence end (. ! ? then a space), so counting each sentence's
        // words counts every word of the text once.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Add(int from, int to)
        {
            // Skip the spaces between sentences, so a sentence's position is its first word.
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            var sentence = text.AsSpan(from, to - from);
            var count = 0;
            foreach (var (wordStart, length) in PlainEnglish.Words.In(sentence))
            {
                count++;
                syllables += Markdown.Readability.Syllables(sentence.Slice(wordStart, length));
            }

            if (count > 0)
            {
                sentences.Add(new Sentence(from, to - from, count));
                words += count;
            }
        }
    }
}

/// <summary>
/// The one definition of "word" and "sentence" that the readability score and the long-sentence
/// rule share, so the report and the warnings never disagree about what a sentence is.
/// </summary>
public static partial class Sentences
{
    /// <summary>Sentences of one paragraph or list item. Text after the last full stop is a sentence too.</summary>
    public static IReadOnlyList<Sentence> Split(string text) => ProseMeasure.Of(text).Sentences;

    /// <summary>A sentence end: . ! ? before a space or the end, but not in "e.g." or "Dr." or 1.5.</summary>
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|vs))[.!?]+(?=\s|$|[""'’”)])")]
    internal static partial Regex SentenceEnd();
}
