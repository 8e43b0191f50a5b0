using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace StaticSite.Images;

/// <summary>
/// Writes a Markdown image as an HTML <c>&lt;img&gt;</c> with no XHTML slash: Markdig ends it with
/// <c>/&gt;</c>, which HTML ignores and the Nu Html Checker reports. The attributes the process
/// stage gave it (<see cref="ImageMarkup"/>) come after src, then alt and title as Markdig writes them.
/// </summary>
public sealed class ImageRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!link.IsImage || !renderer.EnableHtmlForInline)
        {
            base.Write(renderer, link);
            return;
        }

        renderer.Write("<img src=\"");
        renderer.WriteEscapeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url);
        renderer.Write('"');
        renderer.WriteAttributes(link);
        renderer.Write(" alt=\"");
        // The alt is the image's text as plain text: emphasis or code inside it leaves no tags.
        renderer.EnableHtmlForInline = false;
        renderer.WriteChildren(link);
        renderer.EnableHtmlForInline = true;
        renderer.Write('"');
        if (!string.IsNullOrEmpty(link.Title))
        {
            renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        }

        renderer.Write('>');
    }
}

/// <summary>Puts <see cref="ImageRenderer"/> in the place of Markdig's link renderer, which it extends.</summary>
public sealed class ImageExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ImageRenderer>())
        {
            html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ImageRenderer());
        }
    }
}

public static class ImagePipelineExtensions
{
    /// <summary>Images as HTML <c>&lt;img&gt;</c> elements, with the size and loading attributes the build gives them.</summary>
    public static MarkdownPipelineBuilder UseHtmlImages(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ImageExtension>();
        return pipeline;
    }
}
