using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace StaticSite.Search;

/// <summary>
/// The words of a page's HTML fragment, as the search index needs them: tags and comments become
/// spaces and character references become characters. The fragment is the build's own Markdown
/// output, so a scan is enough; a DOM per page would cost more than the rest of the index. The
/// scan works in one pooled buffer, since every page of the site passes through it.
/// </summary>
public static class FragmentText
{
    /// <summary>
    /// Calls <paramref name="visit"/> with each word of the fragment's text, folded (see
    /// <see cref="SearchTerms.ForEachWordInPlace"/>), reading it in one pooled buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForEachWord(ReadOnlySpan<byte> html, SearchTerms.WordVisitor visit)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(html.Length));
        try
        {
            var text = buffer.AsSpan(0, Encoding.UTF8.GetChars(html, buffer));
            SearchTerms.ForEachWordInPlace(text[..ToText(text)], visit);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The fragment's text, as a string (for tests and messages).</summary>
    public static string Of(string html)
    {
        var chars = html.ToCharArray();
        return new string(chars, 0, ToText(chars));
    }

    /// <summary>
    /// Turns HTML into its text where it is: the text never grows (a tag of two or more characters
    /// becomes one space, a reference of three or more at most two characters). Returns the length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ToText(Span<char> html)
    {
        var write = 0;
        var read = 0;
        while (read < html.Length)
        {
            // Text up to the next tag or reference moves as one block (the text never grows, so it moves left or stays).
            var run = html[read..].IndexOfAny('<', '&');
            run = run < 0 ? html.Length - read : run;
            if (run > 0)
            {
                html.Slice(read, run).CopyTo(html[write..]);
                write += run;
                read += run;
                continue;
            }

            var c = html[read];
            if (c == '<')
            {
                html[write++] = ' ';
                read = EndOfTag(html, read);
            }
            else if (c == '&' && Reference(html[read..]) is (> 0 and var length, var text))
            {
                text.AsSpan().CopyTo(html[write..]);
                write += text.Length;
                read += length;
            }
            else
            {
                html[write++] = c;
                read++;
            }
        }

        return write;
    }

    /// <summary>
    /// The length and text of the character reference at the start of <paramref name="text"/>
    /// (<c>&amp;amp;</c>, <c>&amp;#233;</c>, <c>&amp;#x1F600;</c>), or length 0 when there is none.
    /// </summary>
    private static (int Length, string Text) Reference(ReadOnlySpan<char> text)
    {
        var semicolon = text[..Math.Min(text.Length, 33)].IndexOf(';');
        if (semicolon < 3)
        {
            return (0, "");
        }

        var name = text[1..semicolon];
        if (name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            if (int.TryParse(name[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                return (semicolon + 1, char.ConvertFromUtf32(code));
            }

            return (0, "");
        }

        // Named references: the few Markdig writes cost nothing; any other is rare, and decoded in full.
        switch (name)
        {
            case "amp":
                return (semicolon + 1, "&");
            case "lt":
                return (semicolon + 1, "<");
            case "gt":
                return (semicolon + 1, ">");
            case "quot":
                return (semicolon + 1, "\"");
            case "apos":
                return (semicolon + 1, "'");
            case "nbsp":
                return (semicolon + 1, " ");
        }

        var reference = text[..(semicolon + 1)].ToString();
        var decoded = Checks.CharacterReferences.Decode(reference, inAttribute: false);
        return decoded != reference && decoded.Length <= reference.Length ? (reference.Length, decoded) : (0, "");
    }

    /// <summary>
    /// Just past the end of the tag or comment at <paramref name="open"/>. A '>' inside a quoted
    /// attribute value does not end a tag; an apostrophe elsewhere (in a comment) starts no quote.
    /// </summary>
    private static int EndOfTag(ReadOnlySpan<char> text, int open)
    {
        if (text[open..].StartsWith("<!--"))
        {
            var close = text[(open + 4)..].IndexOf("-->");
            return close < 0 ? text.Length : open + 4 + close + 3;
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
