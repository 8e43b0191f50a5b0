using System.Text;
using StaticSite.Checks;
using StaticSite.Diagnostics;
using StaticSite.Incremental;
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
    /// <param name="cached">In <c>serve</c>: each page's render and check keys, so a page made from the same inputs before is not made again.</param>
    public static IReadOnlyList<PublishedPage> Run(BuildContext context, ThemeTemplates theme, SiteGraph graph, IReadOnlyList<PageView> views, byte[]?[] fragments, SiteView site, PageChecker checker, INextSite? next, RenderKeys? cached = null) =>
        graph.Pages.AsParallel().AsOrdered().Select((page, index) =>
        {
            var source = page.Source;
            string Render(DiagnosticBag diagnostics)
            {
                try
                {
                    return theme.Render(source.Layout, SiteResolver.ForPage(site, graph, source.SitePath), views[index], Encoding.UTF8.GetString(fragments[index] ?? []));
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
                {
                    diagnostics.Error(Codes.Template, $"layout '{source.Layout}' failed: {e.Message}", source.DisplayPath);
                    return "";
                }
            }

            PageFacts Check(string html, DiagnosticBag diagnostics) =>
                checker.Inspect(new RenderedPage(source.OutputPath, html, source.DisplayPath, page.Links), diagnostics);

            byte[] bytes;
            PageFacts facts;
            if (cached is null)
            {
                var html = Render(context.Diagnostics);
                facts = Check(html, context.Diagnostics);
                bytes = Encoding.UTF8.GetBytes(html);
            }
            else
            {
                var (render, check) = cached.Of(index);
                bytes = cached.Cache.Renders.Get(source.OutputPath, render, context.Diagnostics, own => Encoding.UTF8.GetBytes(Render(own)));
                facts = cached.Cache.Checks.Get(source.OutputPath, check, context.Diagnostics, own => Check(Encoding.UTF8.GetString(bytes), own));
            }

            fragments[index] = null;
            return new PublishedPage(source.OutputPath, next is null ? null : WriteStage.Put(context, next, source.OutputPath, bytes), facts);
        }).ToList();
}
