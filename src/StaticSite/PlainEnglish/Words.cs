using System.Runtime.CompilerServices;

namespace StaticSite.PlainEnglish;

/// <summary>
/// Finds words without a regex or a string per word, since every paragraph of every page is read
/// this way: letters with inner apostrophes (don't, runner’s), or a number with inner full stops
/// or commas (1.5, 10,000). Anything else separates words.
/// </summary>
/// <param name="position">Where to start looking: offsets it gives are still offsets into <paramref name="text"/>.</param>
public ref struct WordEnumerator(ReadOnlySpan<char> text, int position = 0)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position = position;

    public (int Start, int Length) Current { get; private set; }

    public readonly WordEnumerator GetEnumerator() => this;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && !char.IsAsciiLetter(text[i]) && !char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        var start = i;
        if (char.IsAsciiLetter(text[i]))
        {
            do
            {
                i++;
            }
            while (i < text.Length && char.IsAsciiLetter(text[i]));

            while (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsAsciiLetter(text[i + 1]))
            {
                i += 2;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }
            }
        }
        else
        {
            do
            {
                i++;
            }
            while (i < text.Length && char.IsAsciiDigit(text[i]));

            while (i + 1 < text.Length && text[i] is '.' or ',' && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        Current = (start, i - start);
        _position = i;
        return true;
    }
}

public static class Words
{
    /// <summary>The words of <paramref name="text"/> from <paramref name="position"/> on, at their offsets in the whole text.</summary>
    public static WordEnumerator In(ReadOnlySpan<char> text, int position = 0) => new(text, position);
}
