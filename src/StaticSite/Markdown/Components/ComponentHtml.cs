using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StaticSite.Markdown.Components;

/// <summary>What the component extensions share: parser registration order and list-item output.</summary>
public static class ComponentHtml
{
    /// <summary>
    /// Adds a component parser ahead of the catch-all for unknown names, so the order in which the
    /// <c>UseXxx()</c> methods are called does not matter.
    /// </summary>
    public static void AddParser<T>(MarkdownPipelineBuilder pipeline, ComponentParser<T> parser)
        where T : ComponentBlock
    {
        if (pipeline.BlockParsers.OfType<ComponentParser<T>>().Any(p => p.Name == parser.Name))
        {
            return;
        }

        var guard = pipeline.BlockParsers.FindIndex(p => p is UnknownComponentParser);
        if (guard >= 0)
        {
            pipeline.BlockParsers.Insert(guard, parser);
        }
        else
        {
            pipeline.BlockParsers.Add(parser);
        }
    }

    /// <summary>
    /// Writes a list item's first paragraph inline (then <paramref name="afterFirst"/>, e.g. a
    /// closing label tag) and any further blocks after it, tight or loose as the author wrote it.
    /// </summary>
    public static void WriteItemBody(HtmlRenderer renderer, ListItemBlock item, string afterFirst)
    {
        var first = true;
        foreach (var child in item)
        {
            if (first && child is ParagraphBlock paragraph)
            {
                renderer.WriteLeafInline(paragraph);
                renderer.Write(afterFirst);
            }
            else
            {
                if (first)
                {
                    renderer.Write(afterFirst);
                }

                var implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = false;
                renderer.EnsureLine();
                renderer.Write(child);
                renderer.ImplicitParagraph = implicitParagraph;
            }

            first = false;
        }

        if (first)
        {
            renderer.Write(afterFirst);
        }
    }
}

/// <summary>
/// A component as a Markdig extension: its parser goes in ahead of the unknown-name guard, and
/// its renderer ahead of the built-in ones.
/// </summary>
public abstract class ComponentExtension<TBlock, TRenderer>(string name, Func<BlockParser, TBlock> create) : IMarkdownExtension
    where TBlock : ComponentBlock
    where TRenderer : HtmlObjectRenderer<TBlock>, new()
{
    public void Setup(MarkdownPipelineBuilder pipeline) =>
        ComponentHtml.AddParser(pipeline, new ComponentParser<TBlock>(name, create));

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<TRenderer>())
        {
            html.ObjectRenderers.Insert(0, new TRenderer());
        }
    }
}

public sealed class UnknownComponentExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<UnknownComponentParser>())
        {
            pipeline.BlockParsers.Add(new UnknownComponentParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // Unknown components are reported as errors and never rendered, so no renderer is needed:
        // a build with one never writes a page.
    }
}

public static class ComponentPipelineExtensions
{
    public static MarkdownPipelineBuilder UseChecklists(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ChecklistExtension>();
        return pipeline;
    }

    public static MarkdownPipelineBuilder UseCareCards(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CareCardExtension>();
        return pipeline;
    }

    public static MarkdownPipelineBuilder UseSteps(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<StepsExtension>();
        return pipeline;
    }

    public static MarkdownPipelineBuilder UseFigures(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<FigureExtension>();
        return pipeline;
    }

    /// <summary>Makes any other <c>::: name</c> an error instead of literal text.</summary>
    public static MarkdownPipelineBuilder UseUnknownComponentGuard(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<UnknownComponentExtension>();
        return pipeline;
    }

    /// <summary>All the health-content components (and figures), as the site uses them.</summary>
    public static MarkdownPipelineBuilder UseHealthComponents(this MarkdownPipelineBuilder pipeline) => pipeline
        .UseUnknownComponentGuard()
        .UseChecklists()
        .UseCareCards()
        .UseSteps()
        .UseFigures();
}
