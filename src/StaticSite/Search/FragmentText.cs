using System.Net;
using System.Text;

namespace StaticSite.Search;

/// <summary>
/// The words of a page's HTML fragment, as the search index needs them: tags become spaces and
/// entities become characters. The fragment is the build's own Markdown output, so a scan is
/// enough; a DOM per page would cost more than the rest of the index at 10,000 pages.
/// </summary>
public static class FragmentText
{
    public static string Of(ReadOnlySpan<byte> html)
    {
        var text = Encoding.UTF8.GetString(html);
        var plain = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            if (open < 0)
            {
                plain.Append(text.AsSpan(i));
                break;
            }

            plain.Append(text.AsSpan(i, open - i)).Append(' ');
            i = EndOfTag(text, open);
        }

        return WebUtility.HtmlDecode(plain.ToString());
    }

    /// <summary>
    /// Just past the end of the tag or comment at <paramref name="open"/>. A '>' inside a quoted
    /// attribute value does not end a tag; an apostrophe elsewhere (in a comment) starts no quote.
    /// </summary>
    private static int EndOfTag(string text, int open)
    {
        if (text.AsSpan(open).StartsWith("<!--"))
        {
            var close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }

        var quote = '\0';
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && text[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
