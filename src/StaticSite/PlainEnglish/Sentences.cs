using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

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
        foreach (var (index, length) in PlainEnglish.Sentences.EndsIn(text))
        {
            ends++;
            Add(start, index + length);
            start = index + length;
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
public static class Sentences
{
    /// <summary>Sentences of one paragraph or list item. Text after the last full stop is a sentence too.</summary>
    public static IReadOnlyList<Sentence> Split(string text) => ProseMeasure.Of(text).Sentences;

    /// <summary>
    /// The sentence ends of <paramref name="text"/>: runs of . ! ? before a space, the end, a
    /// closing quote or bracket, but not in "e.g." or "Dr." or 1.5. The same ends as the regex
    /// <c>(?&lt;!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|vs))[.!?]+(?=\s|$|["'’”)])</c> (the tests hold
    /// the two to each other), found without one: this runs over every paragraph of the site, and
    /// the regex was a sixth of the plain-English rules' time.
    /// </summary>
    public static SentenceEndEnumerator EndsIn(ReadOnlySpan<char> text) => new(text);
}

/// <summary>Sentence ends, in order, as (index, length) of each run of . ! ?; see <see cref="Sentences.EndsIn"/>.</summary>
public ref struct SentenceEndEnumerator(ReadOnlySpan<char> text)
{
    private static readonly SearchValues<char> EndMarks = SearchValues.Create(".!?");

    /// <summary>Words after which a full stop ends an abbreviation, not a sentence (case matters: "Dr" but not "dr").</summary>
    private static readonly ImmutableArray<string> Abbreviations = ["e.g", "i.e", "etc", "Dr", "Mr", "Mrs", "Ms", "vs"];

    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    public (int Index, int Length) Current { get; private set; }

    public readonly SentenceEndEnumerator GetEnumerator() => this;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(EndMarks);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (!EndsAbbreviation(text, i))
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?')
                {
                    end++;
                }

                if (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is '"' or '\'' or '’' or '”' or ')')
                {
                    Current = (i, end - i);
                    _position = end;
                    return true;
                }
            }

            // As the regex does: a run that cannot start here may start one mark later.
            i++;
        }

        _position = text.Length;
        return false;
    }

    /// <summary>Whether one of <see cref="Abbreviations"/> ends just before <paramref name="mark"/>, as a whole word at its start.</summary>
    private static bool EndsAbbreviation(ReadOnlySpan<char> text, int mark)
    {
        foreach (var abbreviation in Abbreviations)
        {
            var start = mark - abbreviation.Length;
            if (start >= 0 && text.Slice(start, abbreviation.Length).SequenceEqual(abbreviation)
                && (start == 0 || !IsWordCharacter(text[start - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A character on the word side of the regex's <c>\b</c>: letters, digits, _, combining marks, and the zero-width joiners.</summary>
    private static bool IsWordCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_'
        || (c > 0x7F && (c is '\u200C' or '\u200D' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation));
}
