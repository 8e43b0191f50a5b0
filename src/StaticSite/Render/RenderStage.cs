using System.Text;
using StaticSite.Checks;
using StaticSite.Diagnostics;
using StaticSite.Markdown;
using StaticSite.Output;
using StaticSite.Resolve;
using StaticSite.Templates;

namespace StaticSite.Render;

/// <summary>A page as the render stage leaves it: where it was put in the next site, and what the site checks need to know.</summary>
/// <param name="Written">The page's manifest entry, or null when it was not written (a check-only build, or a failure).</param>
public sealed record PublishedPage(string OutputPath, ManifestEntry? Written, PageFacts Facts);

/// <summary>
/// The render stage: each page's HTML fragment placed in its Liquid layout chain, in parallel.
/// Each page is checked and put into the next site (beside the output, not yet in its place) the
/// moment it is rendered, so its HTML (and the DOM the checks parse from it) never outlives its
/// own turn: only facts are kept. A layout that fails, or a page that cannot be written, is
/// reported on that page, and the other pages go on.
/// </summary>
public static class RenderStage
{
    /// <param name="views">Each page's view, in the order of the graph's pages.</param>
    /// <param name="fragments">Each page's HTML fragment, in the same order; each is let go as soon as its page is rendered.</param>
    /// <param name="next">Where pages go, or null when the build only checks.</param>
    public static IReadOnlyList<PublishedPage> Run(BuildContext context, ThemeTemplates theme, SiteGraph graph, IReadOnlyList<PageView> views, byte[]?[] fragments, SiteView site, PageChecker checker, StagedSite? next) =>
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

            var facts = checker.Inspect(new RenderedPage(page.Source.OutputPath, html, page.Source.DisplayPath, page.Links));
            return new PublishedPage(page.Source.OutputPath, next is null ? null : WriteStage.Put(context, next, page.Source.OutputPath, Encoding.UTF8.GetBytes(html)), facts);
        }).ToList();
}
