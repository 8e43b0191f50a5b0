using System.Buffers;
using System.Text;
using Markdig;

namespace StaticSite.Markdown;

/// <summary>
/// The Markdown dialect authors write (<see cref="MarkdownPipelineFactory"/>), with a twin that
/// leaves out bare addresses (AutoLinks) for the pages that have none. That extension's parser is
/// tried at every h, f, m and w of the text, in case an address starts there, which made parsing
/// about half as slow again; a page without "://", "www." or "mailto:" anywhere in it cannot have
/// one, so the twin makes the same tree for it without those tries.
/// </summary>
public sealed class MarkdownDialect
{
    private readonly MarkdownPipeline _withoutBareAddresses;

    private MarkdownDialect(MarkdownPipeline full, MarkdownPipeline withoutBareAddresses)
    {
        Full = full;
        _withoutBareAddresses = withoutBareAddresses;
    }

    public static MarkdownDialect Create() =>
        new(MarkdownPipelineFactory.Create(bareAddresses: true), MarkdownPipelineFactory.Create(bareAddresses: false));

    /// <summary>Every extension: what renderers are set up with.</summary>
    public MarkdownPipeline Full { get; }

    /// <summary>The pipeline to parse <paramref name="markdown"/> with: the twin, when no bare address can be in it.</summary>
    public MarkdownPipeline For(string markdown) => MayHaveBareAddress(markdown) ? Full : _withoutBareAddresses;

    /// <summary>
    /// Whether the text has what every bare address the AutoLinks parser takes has in it, in any
    /// case: "www.", or a colon in "://" (http, https, ftp) or "mailto:". Searched many characters
    /// at a time: string.Contains ignoring case goes a character at a time when .NET runs without
    /// culture data, and a search for the three strings at once is not vectorised in the native
    /// program; either took longer than the parsing it saved (10,000 articles: 0.4–0.9 s against
    /// 0.03 s for this).
    /// </summary>
    public static bool MayHaveBareAddress(string markdown)
    {
        var text = markdown.AsSpan();
        if (text.ContainsAny(Www))
        {
            return true;
        }

        for (var colon = text.IndexOf(':'); colon >= 0;)
        {
            if (text[(colon + 1)..].StartsWith("//", StringComparison.Ordinal)
                || (colon >= 6 && Ascii.EqualsIgnoreCase(text.Slice(colon - 6, 6), "mailto")))
            {
                return true;
            }

            var next = text[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        return false;
    }

    private static readonly SearchValues<string> Www = SearchValues.Create(["www."], StringComparison.OrdinalIgnoreCase);
}
