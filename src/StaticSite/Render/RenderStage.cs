using System.Collections.Concurrent;
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
    public static IReadOnlyList<PublishedPage> Run(BuildContext context, ThemeTemplates theme, SiteGraph graph, IReadOnlyList<PageView> views, byte[]?[] fragments, SiteView site, PageChecker checker, INextSite? next, RenderKeys? cached = null)
    {
        // Each thread renders into buffers it keeps from page to page (see PageBuffers).
        var spare = new ConcurrentBag<PageBuffers>();
        return graph.Pages.AsParallel().AsOrdered().Select((page, index) =>
        {
            var source = page.Source;
            ReadOnlyMemory<char> Render(DiagnosticBag diagnostics, PageBuffers buffers)
            {
                try
                {
                    return theme.Render(source.Layout, SiteResolver.ForPage(site, graph, source.SitePath), views[index], MarkupValue.FromUtf8(fragments[index] ?? []), buffers);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or Fluid.ParseException)
                {
                    diagnostics.Error(Codes.Template, $"layout '{source.Layout}' failed: {e.Message}", source.DisplayPath);
                    return ReadOnlyMemory<char>.Empty;
                }
            }

            PageFacts Check(ReadOnlyMemory<char> html, DiagnosticBag diagnostics) =>
                checker.Inspect(new RenderedPage(source.OutputPath, html, source.DisplayPath, page.Links), diagnostics);

            byte[] bytes;
            PageFacts facts;
            var buffers = spare.TryTake(out var kept) ? kept : new PageBuffers();
            if (cached is null)
            {
                var html = Render(context.Diagnostics, buffers);
                facts = Check(html, context.Diagnostics);
                bytes = Utf8Of(html.Span);
            }
            else
            {
                var (render, check) = cached.Of(index);
                bytes = cached.Cache.Renders.Get(source.OutputPath, render, context.Diagnostics, own => Utf8Of(Render(own, buffers).Span));
                facts = cached.Cache.Checks.Get(source.OutputPath, check, context.Diagnostics, own => Check(Encoding.UTF8.GetString(bytes).AsMemory(), own));
            }

            // Only buffers whose page finished go back (a page that threw is reported as a fault of its own).
            spare.Add(buffers);
            fragments[index] = null;
            return new PublishedPage(source.OutputPath, next is null ? null : WriteStage.Put(context, next, source.OutputPath, bytes), facts);
        }).ToList();
    }

    private static byte[] Utf8Of(ReadOnlySpan<char> html)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, bytes);
        return bytes;
    }
}
