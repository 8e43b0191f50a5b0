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

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
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
                    Append(builder, child);
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
