using System.Text;
using StaticSite.Checks;
using StaticSite.Content;

namespace StaticSite.Output;

/// <summary>The files the publish step adds, and the redirect pages among them for the check stage.</summary>
public sealed record PublishedFiles(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<RenderedPage> RedirectPages);

/// <summary>
/// What hosts, crawlers and feed readers read besides the pages: the sitemap, robots.txt, the
/// Atom feed, Netlify's <c>_redirects</c> and the redirect pages for GitHub Pages. Made before the
/// check stage, so links to them are checked and the redirect pages are checked like any page.
/// </summary>
public static class Publishing
{
    public static PublishedFiles Build(SiteConfig config, IReadOnlyList<SourceDocument> pages, IReadOnlyList<Redirect> redirects)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [Sitemap.FileName] = Sitemap.Build(config, pages),
            [RobotsTxt.FileName] = RobotsTxt.Build(config),
        };
        if (AtomFeed.Build(config, pages) is { } feed)
        {
            files[AtomFeed.FileName] = feed;
        }

        var redirectPages = new List<RenderedPage>();
        if (redirects.Count > 0)
        {
            files[Redirects.NetlifyFileName] = Redirects.NetlifyRules(config, redirects);
            foreach (var redirect in redirects)
            {
                var html = Redirects.Page(config, redirect);
                files[redirect.OutputPath] = Encoding.UTF8.GetBytes(html);
                redirectPages.Add(new RenderedPage(redirect.OutputPath, html.AsMemory(), redirect.Target.DisplayPath, []));
            }
        }

        return new PublishedFiles(files, redirectPages);
    }
}
