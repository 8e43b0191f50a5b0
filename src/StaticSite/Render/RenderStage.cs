using System.Text;
using StaticSite.Checks;
using StaticSite.Diagnostics;
using StaticSite.Markdown;
using StaticSite.Resolve;
using StaticSite.Templates;

namespace StaticSite.Render;

/// <summary>A page as the render stage leaves it: the bytes to publish and what the site checks need to know.</summary>
public sealed record PublishedPage(string OutputPath, byte[] Bytes, PageFacts Facts);

/// <summary>
/// The render stage: each page's HTML fragment placed in its Liquid layout chain, in parallel.
/// Each page is checked and turned into bytes the moment it is rendered, so its HTML string (and
/// the DOM the checks parse from it) never outlives its own turn: only bytes and facts are kept.
/// A layout that fails is reported on the page that used it, and the other pages go on.
/// </summary>
public static class RenderStage
{
    /// <param name="views">Each page's view, in the order of the graph's pages.</param>
    /// <param name="fragments">Each page's HTML fragment, in the same order; each is let go as soon as its page is rendered.</param>
    public static IReadOnlyList<PublishedPage> Run(BuildContext context, ThemeTemplates theme, SiteGraph graph, IReadOnlyList<PageView> views, byte[]?[] fragments, SiteView site, PageChecker checker) =>
        graph.Pages.AsParallel().AsOrdered().Select((page, index) =>
        {
            string html;
            try
            {
                html = theme.Render(page.Source.Layout, SiteResolver.ForPage(site, graph, page.Source.SitePath), views[index], Encoding.UTF8.GetString(fragments[index] ?? []));
                fragments[index] = null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
            {
                context.Diagnostics.Error(Codes.Template, $"layout '{page.Source.Layout}' failed: {e.Message}", page.Source.DisplayPath);
                html = "";
            }

            var rendered = new RenderedPage(page.Source.OutputPath, html, page.Source.DisplayPath, page.Links);
            return new PublishedPage(rendered.OutputPath, Encoding.UTF8.GetBytes(html), checker.Inspect(rendered));
        }).ToList();
}
