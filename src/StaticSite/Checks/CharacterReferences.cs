using System.Text;
using AngleSharp.Html;
using AngleSharp.Dom;

namespace StaticSite.Checks;

/// <summary>
/// Decodes character references (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;check;</c>) as a browser's
/// tokenizer does, so a rule reads the text a reader is given. <c>WebUtility.HtmlDecode</c> knows
/// only HTML 4's names and wants every reference closed with a semicolon; browsers know all of
/// HTML's 2,231 names (AngleSharp's table is used), take the old ones without the semicolon
/// (<c>&amp;copy 2024</c>), and map the numbers 128–159 to the Windows-1252 characters.
/// </summary>
internal static class CharacterReferences
{
    private static readonly IEntityProvider Names = HtmlEntityProvider.Resolver;

    /// <summary>The longest name, with its semicolon ("CounterClockwiseContourIntegral;").</summary>
    private const int LongestName = 32;

    /// <param name="inAttribute">
    /// In an attribute value a name without its semicolon, followed by <c>=</c> or a letter or
    /// digit, is left as written (<c>?a=1&amp;copy=2</c> is a query, not "©=2").
    /// </param>
    public static string Decode(ReadOnlySpan<char> text, bool inAttribute)
    {
        var amp = text.IndexOf('&');
        if (amp < 0)
        {
            return text.ToString();
        }

        var decoded = new StringBuilder(text.Length);
        var position = 0;
        while (amp >= 0)
        {
            var at = position + amp;
            decoded.Append(text[position..at]);
            position = text[(at + 1)..] is ['#', ..] ? Numeric(text, at, decoded) : Named(text, at, inAttribute, decoded);
            amp = text[position..].IndexOf('&');
        }

        return decoded.Append(text[position..]).ToString();
    }

    /// <summary>A reference by number at <paramref name="at"/>; returns where the text goes on.</summary>
    private static int Numeric(ReadOnlySpan<char> text, int at, StringBuilder decoded)
    {
        var i = at + 2;
        var hex = i < text.Length && text[i] is 'x' or 'X';
        if (hex)
        {
            i++;
        }

        var digitsStart = i;
        long value = 0;
        while (i < text.Length && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
        {
            // Past the last code point the value only has to stay too large.
            value = Math.Min((value * (hex ? 16 : 10)) + DigitValue(text[i]), 0x110000);
            i++;
        }

        if (i == digitsStart)
        {
            // "&#" or "&#x" with no digits is not a reference: the text stays as written.
            decoded.Append(text[at..i]);
            return i;
        }

        if (i < text.Length && text[i] == ';')
        {
            i++;
        }

        decoded.Append(CodePoint((int)value));
        return i;
    }

    private static int DigitValue(char digit) => char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>The character a number stands for, after the standard's replacements.</summary>
    private static string CodePoint(int value) => value switch
    {
        0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) => "\uFFFD",
        >= 0x80 and <= 0x9F => Windows1252(value),
        _ => char.ConvertFromUtf32(value),
    };

    private static string Windows1252(int value) => value switch
    {
        0x80 => "\u20AC", 0x82 => "\u201A", 0x83 => "\u0192", 0x84 => "\u201E", 0x85 => "\u2026",
        0x86 => "\u2020", 0x87 => "\u2021", 0x88 => "\u02C6", 0x89 => "\u2030", 0x8A => "\u0160",
        0x8B => "\u2039", 0x8C => "\u0152", 0x8E => "\u017D", 0x91 => "\u2018", 0x92 => "\u2019",
        0x93 => "\u201C", 0x94 => "\u201D", 0x95 => "\u2022", 0x96 => "\u2013", 0x97 => "\u2014",
        0x98 => "\u02DC", 0x99 => "\u2122", 0x9A => "\u0161", 0x9B => "\u203A", 0x9C => "\u0153",
        0x9E => "\u017E", 0x9F => "\u0178",
        _ => ((char)value).ToString(),
    };

    /// <summary>A reference by name at <paramref name="at"/>: the longest name in the table the text starts with.</summary>
    private static int Named(ReadOnlySpan<char> text, int at, bool inAttribute, StringBuilder decoded)
    {
        var nameStart = at + 1;
        var runEnd = nameStart;
        while (runEnd < text.Length && runEnd - nameStart < LongestName && char.IsAsciiLetterOrDigit(text[runEnd]))
        {
            runEnd++;
        }

        // Longest first: the whole run with its semicolon, then ever shorter runs without one
        // (only HTML 4's older names are in the table without a semicolon).
        if (runEnd < text.Length && text[runEnd] == ';' && Symbol(text[nameStart..(runEnd + 1)]) is { Length: > 0 } closed)
        {
            decoded.Append(closed);
            return runEnd + 1;
        }

        for (var end = runEnd; end > nameStart; end--)
        {
            if (Symbol(text[nameStart..end]) is not { Length: > 0 } open)
            {
                continue;
            }

            if (inAttribute && end < text.Length && (text[end] == '=' || char.IsAsciiLetterOrDigit(text[end])))
            {
                break;
            }

            decoded.Append(open);
            return end;
        }

        decoded.Append('&');
        return nameStart;
    }

    private static string? Symbol(ReadOnlySpan<char> name) => Names.GetSymbol(name.ToString());
}
