using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Markdown;

namespace StaticSite.PlainEnglish;

/// <summary>Where a piece of a paragraph's plain text was written in the Markdown file (1-based).</summary>
public readonly record struct ProseSegment(int Offset, int Line, int Column);

/// <summary>
/// The plain text of one paragraph, list item or heading, as a reader hears it, with a map back to
/// the file so a rule can point at the exact line and column of a sentence or word.
/// </summary>
public sealed record ProseText(string Text, IReadOnlyList<ProseSegment> Segments, bool IsHeading, bool LongSentencesAllowed)
{
    private ProseMeasure? _measure;

    /// <summary>Its sentences, words and syllables, counted the first time a rule or the score asks, and kept for the next.</summary>
    public ProseMeasure Measure => _measure ??= ProseMeasure.Of(Text);

    public (int Line, int Column) PositionOf(int offset)
    {
        var segment = Segments[0];
        foreach (var s in Segments)
        {
            if (s.Offset > offset)
            {
                break;
            }

            segment = s;
        }

        return (segment.Line, segment.Column + (offset - segment.Offset));
    }

    /// <summary>True when some of the text maps back to the file (a paragraph of only a bare link or entity does not), so rules can point at it.</summary>
    public bool HasPositions => Segments.Count > 0;

    /// <summary>
    /// Makes the prose of one page's blocks one after another with the same text buffer and
    /// position list, so each block costs only its own string and positions: a page has dozens.
    /// </summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<ProseSegment> _segments = [];
        private readonly Action<Inline, int> _written;

        public Builder() => _written = (inline, offset) => _segments.Add(new ProseSegment(offset, inline.Line + 1, inline.Column + 1));

        public ProseText? From(LeafBlock block, bool longSentencesAllowed)
        {
            _text.Clear();
            _segments.Clear();
            MarkdownText.Append(_text, block.Inline, _written);
            // ToArray, not a collection expression: that wraps the array in a read-only list, one more object for each of a site's hundreds of thousands of blocks.
            return _text.Length == 0 ? null : new ProseText(_text.ToString(), _segments.ToArray(), block is HeadingBlock, longSentencesAllowed);
        }
    }
}
