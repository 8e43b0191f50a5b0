using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// An address that runs code when a reader follows or loads it: <c>javascript:</c>,
/// <c>vbscript:</c>, or a <c>data:</c> address holding a document that can run script. On a
/// health site a reader trusts, a link must only ever lead somewhere. Checked in Markdown links,
/// images and autolinks, and in every URL attribute of raw HTML, read the way browsers read them:
/// character references decoded (<c>java&amp;#x09;script:</c>), then leading and trailing spaces
/// and control characters dropped, tabs and newlines removed anywhere, and the scheme compared in
/// any case (the WHATWG URL standard's basic URL parser).
/// </summary>
public sealed class ScriptUrlRule : IMarkdownRule
{
    /// <summary>Schemes that run what follows them as script.</summary>
    private static readonly string[] ScriptSchemes = ["javascript", "vbscript"];

    /// <summary>Media types that, in a data: address, make a document able to run script.</summary>
    private static readonly string[] ScriptableDataTypes = ["text/html", "application/xhtml+xml", "image/svg+xml"];

    /// <summary>HTML attributes whose value is an address (the HTML standard's URL-valued attributes, and SVG's xlink:href).</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "srcset", "action", "formaction", "data", "poster", "cite", "background",
        "longdesc", "lowsrc", "dynsrc", "codebase", "manifest", "xlink:href",
    };

    public string Code => Codes.ScriptUrl;
    public Severity Severity => Severity.Error;
    public string Message => "{0} '{1}' would run code in the reader's browser ({2} addresses are refused); link to a page or a file instead";

    public void Check(MarkdownDocument document, MarkdownScan page)
    {
        foreach (var node in page.Nodes.All)
        {
            switch (node)
            {
                case LinkInline link:
                    CheckUrl(page, link.IsImage ? "image" : "link", link.Url, link.Line + 1, link.Column + 1);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    CheckUrl(page, "link", autolink.Url, autolink.Line + 1, autolink.Column + 1);
                    break;
                case HtmlInline html:
                    CheckHtml(page, html);
                    break;
                case HtmlBlock html:
                    CheckHtml(page, html);
                    break;
            }
        }
    }

    // The raw HTML's own methods, not lambdas in the walk above: a closure there would be made for
    // every node of every page, raw HTML or not.
    private void CheckHtml(MarkdownScan page, HtmlInline html) =>
        // A tag may run over lines; its later lines are placed at their start.
        CheckHtml(page, html.Tag, [(html.Line, html.Column), .. Enumerable.Range(1, html.Tag.Count(c => c == '\n')).Select(n => (html.Line + n, 0))]);

    private void CheckHtml(MarkdownScan page, HtmlBlock html)
    {
        var lines = html.Lines;
        CheckHtml(page, lines.ToString(), [.. lines.Lines.Take(lines.Count).Select(l => (l.Line, l.Column))]);
    }

    /// <summary>The kind of address that runs code, as the message names it ("javascript:", "data:text/html"), or null for a harmless one.</summary>
    public static string? RunsCode(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var address = new StringBuilder(url.Length);
        foreach (var c in url.AsSpan().Trim(C0ControlOrSpace))
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                address.Append(c);
            }
        }

        var text = address.ToString();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]) || !IsScheme(text.AsSpan(0, colon)))
        {
            // No scheme: a relative address, which stays on the site.
            return null;
        }

        var scheme = text[..colon].ToLowerInvariant();
        if (ScriptSchemes.Contains(scheme, StringComparer.Ordinal))
        {
            return scheme + ":";
        }

        if (scheme == "data")
        {
            var rest = text[(colon + 1)..];
            var end = rest.IndexOfAny([',', ';']);
            var mediaType = (end < 0 ? rest : rest[..end]).Trim().ToLowerInvariant();
            if (ScriptableDataTypes.Contains(mediaType, StringComparer.Ordinal))
            {
                return "data:" + mediaType;
            }
        }

        return null;
    }

    private void CheckUrl(MarkdownScan page, string what, string? url, int line, int column)
    {
        if (RunsCode(url) is { } kind)
        {
            page.Report(this, line, column, what, Shown(url!), kind);
        }
    }

    /// <summary>
    /// Reads raw HTML with AngleSharp's tokenizer, which decodes character references exactly as
    /// a browser does, and checks each URL attribute where it is written.
    /// </summary>
    /// <param name="lineStarts">Where each line of <paramref name="html"/> starts in the file (0-based line and column, as Markdig counts).</param>
    private void CheckHtml(MarkdownScan page, string html, IReadOnlyList<(int Line, int Column)> lineStarts)
    {
        // A script address needs a colon, written or as a character reference: most raw HTML has neither.
        if (!html.Contains(':', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return;
        }

        using var source = new TextSource(html);
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is not HtmlTagToken { Type: HtmlTokenType.StartTag } tag)
            {
                continue;
            }

            foreach (var attribute in tag.Attributes.Where(a => UrlAttributes.Contains(a.Name)))
            {
                var values = attribute.Name.Equals("srcset", StringComparison.OrdinalIgnoreCase)
                    ? attribute.Value.Split(',').Select(candidate => candidate.Trim().Split(' ')[0])
                    : [attribute.Value];
                foreach (var value in values)
                {
                    var at = attribute.Position;
                    var start = lineStarts[Math.Clamp(at.Line - 1, 0, lineStarts.Count - 1)];
                    CheckUrl(page, $"<{tag.Name} {attribute.Name}>", value, start.Line + 1, start.Column + at.Column);
                }
            }
        }
    }

    /// <summary>The address as the message shows it: control characters made visible, and cut short if long.</summary>
    private static string Shown(string url)
    {
        var shown = new StringBuilder();
        foreach (var c in url)
        {
            shown.Append(char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString());
        }

        return shown.Length > 60 ? shown.ToString(0, 59) + "…" : shown.ToString();
    }

    /// <summary>A URL scheme is an ASCII letter followed by letters, digits, '+', '-' and '.'.</summary>
    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var c in scheme)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] C0ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];
}
