using StaticSite.Checks;
using StaticSite.Diagnostics;
using StaticSite.Markdown;
using StaticSite.Resolve;
using StaticSite.Templates;

namespace StaticSite.Render;

/// <summary>
/// The render stage: each page's HTML fragment placed in its Liquid layout chain, in parallel.
/// A layout that fails is reported on the page that used it, and the other pages go on.
/// </summary>
public static class RenderStage
{
    public static IReadOnlyList<RenderedPage> Run(BuildContext context, ThemeTemplates theme, SiteGraph graph, IReadOnlyDictionary<ProcessedPage, PageView> views, SiteView site) =>
        graph.Pages.AsParallel().AsOrdered().Select(page =>
        {
            string html;
            try
            {
                html = theme.Render(page.Source.Layout, SiteResolver.ForPage(site, graph, page.Source.SitePath), views[page], page.Html);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
            {
                context.Diagnostics.Error(Codes.Template, $"layout '{page.Source.Layout}' failed: {e.Message}", page.Source.DisplayPath);
                html = "";
            }

            return new RenderedPage(page.Source.OutputPath, html, page.Source.DisplayPath, page.Links);
        }).ToList();
}
