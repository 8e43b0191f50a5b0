using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StaticSite.Markdown.Components;

/// <summary>
/// <c>::: steps Soleus wall stretch</c> around a list: a heading and an ordered list, because
/// instructions happen in order (even when the author wrote bullets).
/// </summary>
public sealed class StepsBlock(BlockParser parser) : ListComponentBlock(parser, "Calf stretch", "a steps block")
{
    public const string Name = "steps";
}

public sealed class StepsRenderer : HtmlObjectRenderer<StepsBlock>
{
    protected override void Write(HtmlRenderer renderer, StepsBlock block)
    {
        var level = block.HeadingLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"steps\">");
        renderer.Write("<h").Write(level).Write(" class=\"steps__heading\">").WriteEscape(block.Title).Write("</h").Write(level).WriteLine(">");
        renderer.WriteLine("<ol class=\"steps__list\">");
        foreach (var item in block.List?.OfType<ListItemBlock>() ?? [])
        {
            renderer.Write("<li>");
            ComponentHtml.WriteItemBody(renderer, item, "");
            renderer.WriteLine("</li>");
        }

        renderer.WriteLine("</ol>");
        renderer.WriteLine("</div>");
    }
}

public sealed class StepsExtension() : ComponentExtension<StepsBlock, StepsRenderer>(StepsBlock.Name, p => new StepsBlock(p));
