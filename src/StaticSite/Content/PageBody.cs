using System.Text;

namespace StaticSite.Content;

/// <summary>
/// A page's Markdown between the read stage and the process stage: the file's UTF-8 bytes and
/// where the body starts in them. That is half the memory of a string, and it is the array the
/// file was read into, so nothing is copied until the page is processed; at 10,000 articles the
/// bodies as strings were 185 MB that the collector copied twice on their way to the old generation.
/// </summary>
public sealed class PageBody
{
    public static readonly PageBody Empty = new("");

    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly int _blankLines;

    private PageBody(string text) => _text = text;

    private PageBody(ReadOnlyMemory<byte> utf8, int blankLines)
    {
        _utf8 = utf8;
        _blankLines = blankLines;
    }

    /// <summary>A body that is a string already (a page kept by <c>serve</c>, or made by the build).</summary>
    public static PageBody Of(string text) => text.Length == 0 ? Empty : new PageBody(text);

    /// <summary>The body in a file's bytes (valid UTF-8), after as many empty lines as the front matter took.</summary>
    public static PageBody InFile(ReadOnlyMemory<byte> utf8, int blankLines) => new(utf8, blankLines);

    /// <summary>The Markdown, front matter blanked, so that its line numbers are the file's.</summary>
    public string Text() => _text ?? string.Create(_blankLines + Encoding.UTF8.GetCharCount(_utf8.Span), this, static (chars, body) =>
    {
        chars[..body._blankLines].Fill('\n');
        Encoding.UTF8.GetChars(body._utf8.Span, chars[body._blankLines..]);
    });
}
