using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticSite.Markdown;

/// <summary>
/// Guards against Markdown nested absurdly deep (5,000 quote markers, a list 3,000 levels deep,
/// hundreds of emphasis markers inside each other). Markdig refuses such a document with an
/// exception that names no line, and code that walks the tree by recursion could run out of
/// stack on it; so the depth is measured without recursion (in the walk that lists the page's
/// nodes, <see cref="MarkdownNodes"/>) and reported where it happens.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>
    /// The deepest a page may nest quotes, lists, components, emphasis and links inside each other.
    /// Real pages stay under 10; Markdig's own limit (128) must never be reached while rendering.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Markdig's refusal of a tree nested past its limit: an <see cref="ArgumentException"/> from its
    /// depth check, known by its message (a test pins it to Markdig's): the ahead-of-time compiled
    /// program has no reflection metadata to name the method that threw.
    /// </summary>
    public static bool IsDepthLimit(Exception e) =>
        e is ArgumentException && e.Message.Contains("depth limit exceeded", StringComparison.Ordinal);

    /// <summary>
    /// Elements that hold nothing (void) or that the HTML parser closes by itself when the next one
    /// starts: writing them without an end tag nests nothing.
    /// </summary>
    private static readonly HashSet<string> NeverNest = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rp", "rt",
        "colgroup", "caption", "html", "head", "body",
    };

    /// <summary>
    /// The first raw HTML start tag, across the page's HTML blocks and inline tags, that opens an
    /// element deeper than <see cref="MaxDepth"/> inside others still open (usually end tags left
    /// out): as 1-based line and column, or null. Markdig keeps raw HTML as flat text, so its own
    /// limit never sees this, but the HTML parser that checks every page slows down with the
    /// square of the depth (60,000 unclosed tags took minutes).
    /// </summary>
    public static (int Line, int Column)? FirstTooDeepHtml(MarkdownNodes nodes)
    {
        var depth = 0;
        foreach (var node in nodes.All)
        {
            var (html, line, column) = node switch
            {
                HtmlBlock block => (block.Lines.ToString(), block.Line, block.Column),
                HtmlInline inline => (inline.Tag, inline.Line, inline.Column),
                _ => (null, 0, 0),
            };
            if (html is null)
            {
                continue;
            }

            using var source = new TextSource(html);
            using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
            for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
            {
                if (token is not HtmlTagToken tag || NeverNest.Contains(tag.Name))
                {
                    continue;
                }

                if (tag.Type == HtmlTokenType.EndTag)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (!tag.IsSelfClosing && ++depth > MaxDepth)
                {
                    return (line + tag.Position.Line, tag.Position.Line == 1 ? column + tag.Position.Column : tag.Position.Column);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="markdown"/>, which Markdig refused as too deep, first nests deeper than
    /// <see cref="MaxDepth"/>: the longest beginning of it that Markdig still parses is found by
    /// bisection (a few dozen parses at most, and only for a page that already failed), and the
    /// first place too deep in that beginning is the answer; failing that, the line that tips it
    /// over. (1-based line and column; (0, 0) when no beginning fails on its own.)
    /// </summary>
    public static (int Line, int Column) WhereParsingFails(string markdown, MarkdownPipeline pipeline)
    {
        var lineEnds = new List<int>();
        for (var i = markdown.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = markdown.IndexOf('\n', i + 1))
        {
            lineEnds.Add(i);
        }

        lineEnds.Add(markdown.Length);
        MarkdownDocument? Parse(int lines)
        {
            try
            {
                return Markdig.Markdown.Parse(markdown[..lineEnds[lines - 1]], pipeline);
            }
            catch (Exception e) when (IsDepthLimit(e))
            {
                return null;
            }
        }

        if (Parse(lineEnds.Count) is not null)
        {
            return (0, 0);
        }

        // The first `bad` lines fail and the first `good` do not; narrow down to the line that tips it.
        int good = 0, bad = lineEnds.Count;
        while (bad - good > 1)
        {
            var middle = good + ((bad - good) / 2);
            if (Parse(middle) is null)
            {
                bad = middle;
            }
            else
            {
                good = middle;
            }
        }

        return good > 0 && Parse(good) is { } parsed && MarkdownNodes.Of(parsed).FirstTooDeep is { } tooDeep
            ? (tooDeep.Line + 1, tooDeep.Column + 1)
            : (bad, 1);
    }
}
