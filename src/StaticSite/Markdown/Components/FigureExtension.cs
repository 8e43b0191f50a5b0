using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Diagnostics;

namespace StaticSite.Markdown.Components;

/// <summary>
/// <c>::: figure</c> around an image on its own line and, after it, the caption: a
/// <c>&lt;figure&gt;</c> whose <c>&lt;figcaption&gt;</c> names it for screen readers. The alt text
/// says what the image shows; the caption says what to take from it, for every reader.
/// </summary>
public sealed class FigureBlock(BlockParser parser) : ComponentBlock(parser)
{
    public const string Name = "figure";

    private const string Example = "'![What the diagram shows](diagram.svg)'";

    /// <summary>The paragraph that holds the image and nothing else, or null when the figure does not start with one.</summary>
    public ParagraphBlock? ImageParagraph =>
        this.FirstOrDefault() is ParagraphBlock { Inline: { } inline } paragraph
        && inline.Count(i => !IsBlank(i)) == 1 && inline.FirstOrDefault(i => !IsBlank(i)) is LinkInline { IsImage: true }
            ? paragraph
            : null;

    /// <summary>The caption: every block after the image.</summary>
    public IEnumerable<Block> Caption => this.Skip(1);

    public override void Validate(ComponentProblem report)
    {
        if (Title.Length > 0)
        {
            report(Codes.FigureNeedsCaption, $"'::: figure' takes no words after it: write the caption as a paragraph after the image, not '{Title}' here", this);
        }

        if (ImageParagraph is null)
        {
            report(Codes.FigureNeedsImage, $"a figure starts with one image on a line of its own, like {Example}, then a blank line and its caption", this.FirstOrDefault() ?? (Block)this);
            return;
        }

        var caption = Caption.ToList();
        if (caption.Count == 0)
        {
            report(Codes.FigureNeedsCaption, "a figure needs a caption: write a paragraph after the image that says what it shows", this);
        }
        else if (caption.FirstOrDefault(b => b is not ParagraphBlock) is { } other)
        {
            report(Codes.FigureNeedsCaption, "a figure's caption is one or more paragraphs of text; put lists, headings and other images in the page instead", other);
        }
    }

    private static bool IsBlank(Inline inline) =>
        inline is LineBreakInline || (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace());
}

public sealed class FigureRenderer : HtmlObjectRenderer<FigureBlock>
{
    protected override void Write(HtmlRenderer renderer, FigureBlock block)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<figure class=\"figure\">");
        if (block.ImageParagraph is { } image)
        {
            renderer.WriteLeafInline(image);
            renderer.WriteLine();
        }

        var caption = block.Caption.ToList();
        renderer.Write("<figcaption class=\"figure__caption\">");
        if (caption is [ParagraphBlock only])
        {
            // One paragraph is the caption's text itself: no <p> inside, as most figures are written.
            renderer.WriteLeafInline(only);
        }
        else
        {
            renderer.WriteLine();
            foreach (var paragraph in caption)
            {
                renderer.Write(paragraph);
            }

            renderer.EnsureLine();
        }

        renderer.WriteLine("</figcaption>");
        renderer.WriteLine("</figure>");
    }
}

public sealed class FigureExtension() : ComponentExtension<FigureBlock, FigureRenderer>(FigureBlock.Name, p => new FigureBlock(p));
