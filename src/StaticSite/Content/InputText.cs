using System.Text;
using System.Text.Unicode;
using StaticSite.Diagnostics;

namespace StaticSite.Content;

/// <summary>
/// Reads authors' text files from <c>input/</c> (pages, <c>site.yml</c>, <c>glossary.yml</c>).
/// Strictly UTF-8: a byte that is not UTF-8 is an error at its line and column, where a lenient
/// decoder would quietly publish U+FFFD (a "?" in a box) to readers. A file that cannot be read is
/// an error naming it, never an exception.
/// </summary>
public static partial class InputText
{
    /// <summary>The file's text, or null when it could not be read or decoded (the reason is reported).</summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics) =>
        ReadBytes(fullPath, displayPath, diagnostics) is { } bytes ? Decode(bytes, displayPath, diagnostics) : null;

    /// <summary>
    /// The file's bytes, checked to be UTF-8, without the byte order mark if it has one; or null when
    /// it could not be read or is not UTF-8 (the reason is reported). For a text kept a while undecoded.
    /// </summary>
    public static ReadOnlyMemory<byte>? ReadUtf8(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        // (Not a conditional expression: its null would become an empty Memory, through byte[].)
        if (ReadBytes(fullPath, displayPath, diagnostics) is { } bytes && Utf8Start(bytes, displayPath, diagnostics) is { } start)
        {
            return new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        }

        return null;
    }

    /// <summary>Decodes UTF-8, allowing the byte order mark some Windows editors write.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics) =>
        Utf8Start(bytes, displayPath, diagnostics) is { } start ? Encoding.UTF8.GetString(bytes[start..]) : null;

    private static byte[]? ReadBytes(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, WhyUnreadable(e), displayPath);
            return null;
        }
    }

    /// <summary>Where the text starts (after a UTF-8 byte order mark), or null when it is not UTF-8 (reported at the first bad byte).</summary>
    private static int? Utf8Start(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var start = 0;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            start = Encoding.UTF8.Preamble.Length;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Error(Codes.InvalidEncoding, "the file is saved as UTF-16; save it as UTF-8", displayPath, 1, 1);
            return null;
        }

        var text = bytes[start..];
        if (Utf8.IsValid(text))
        {
            return start;
        }

        var bad = FirstInvalidByte(text);
        var lineStart = text[..bad].LastIndexOf((byte)'\n') + 1;
        var line = text[..bad].Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(text[lineStart..bad]) + 1;
        diagnostics.Error(Codes.InvalidEncoding,
            $"the file is not valid UTF-8: byte 0x{text[bad]:X2} here is not part of any character; save the file as UTF-8",
            displayPath, line, column);
        return null;
    }

    /// <summary>Says why a file or folder could not be read, in the author's terms rather than the exception's.</summary>
    public static string WhyUnreadable(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "cannot be read: it was moved or deleted while the build was running",
        UnauthorizedAccessException => "cannot be read: permission denied (check who may read it)",
        // .NET ends the operating system's words with the full path, which the message already names.
        _ => $"cannot be read: {TrailingPath().Replace(e.Message, "")}",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*:\s*'[^']*'\s*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingPath();

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
        return valid;
    }
}
