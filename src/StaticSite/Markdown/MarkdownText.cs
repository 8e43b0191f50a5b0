using System.Runtime.CompilerServices;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticSite.Markdown;

/// <summary>Plain text of Markdown inlines, as a reader would hear it.</summary>
public static class MarkdownText
{
    public static string Of(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        Append(builder, inline);
        return builder.ToString().Trim();
    }

    public static string Of(LeafBlock block) => Of(block.Inline);

    /// <summary>
    /// Appends the text of <paramref name="inline"/>; <paramref name="written"/> hears where each
    /// piece of the author's text (a literal or code span) starts in the builder, so callers can
    /// map the text back to the file.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(StringBuilder builder, Inline? inline, Action<Inline, int>? written = null)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                written?.Invoke(literal, builder.Length);
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                written?.Invoke(code, builder.Length);
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child, written);
                }

                break;
        }
    }

    /// <summary>
    /// A list item's short name: its bold lead-in without the colon ("**Tightness:** the muscle…"
    /// → "Tightness"), or the whole text when there is no lead-in.
    /// </summary>
    public static string LeadIn(ListItemBlock item)
    {
        if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline })
        {
            return "";
        }

        if (inline.FirstChild is EmphasisInline { DelimiterCount: 2 } strong)
        {
            return Of(strong).TrimEnd(':', ' ', '.');
        }

        return Of(inline).TrimEnd('.');
    }
}
