using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using StaticSite.Diagnostics;

namespace StaticSite.Markdown.Components;

/// <summary>
/// <c>::: checklist Common symptoms</c> around a bullet list: a fieldset of labelled checkboxes a
/// reader can tick on screen (no JavaScript needed) or with a pen on paper.
/// </summary>
public sealed class ChecklistBlock(BlockParser parser) : ListComponentBlock(parser, "Common symptoms", "a checklist")
{
    public const string Name = "checklist";
    public const string Hint = "Tick any that you have. This is not a diagnosis.";
}

public sealed class ChecklistRenderer : HtmlObjectRenderer<ChecklistBlock>
{
    protected override void Write(HtmlRenderer renderer, ChecklistBlock block)
    {
        var hintId = block.IdBase + "-hint";
        renderer.EnsureLine();
        renderer.Write("<fieldset class=\"checklist\" aria-describedby=\"").Write(hintId).WriteLine("\">");
        renderer.Write("<legend class=\"checklist__legend\">").WriteEscape(block.Title).WriteLine("</legend>");
        renderer.Write("<p class=\"checklist__hint\" id=\"").Write(hintId).Write("\">").WriteEscape(ChecklistBlock.Hint).WriteLine("</p>");
        renderer.WriteLine("<ul class=\"checklist__items\">");
        var number = 0;
        foreach (var item in block.List?.OfType<ListItemBlock>() ?? [])
        {
            var id = block.IdBase + "-" + (++number).ToString(System.Globalization.CultureInfo.InvariantCulture);
            renderer.Write("<li class=\"checklist__item\"><input type=\"checkbox\" class=\"checklist__box\" id=\"").Write(id)
                .Write("\"><label for=\"").Write(id).Write("\">");
            ComponentHtml.WriteItemBody(renderer, item, "</label>");
            renderer.WriteLine("</li>");
        }

        renderer.WriteLine("</ul>");
        renderer.WriteLine("</fieldset>");
    }
}

public sealed class ChecklistExtension() : ComponentExtension<ChecklistBlock, ChecklistRenderer>(ChecklistBlock.Name, p => new ChecklistBlock(p));
