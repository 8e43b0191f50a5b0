using System.Globalization;
using System.Xml.Linq;
using StaticSite.Content;

namespace StaticSite.Output;

/// <summary>
/// <c>sitemap.xml</c>: every published page's absolute URL (base path included), sorted, with
/// <c>lastmod</c> from the page's <c>reviewed</c> date: the day its content last changed on
/// purpose, and never the build's clock, so the same input gives the same file.
/// </summary>
public static class Sitemap
{
    public const string FileName = "sitemap.xml";

    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The 404 page answers for missing addresses; it is not a page to send people to.</summary>
    public static bool Lists(SourceDocument page) => !page.IsNotFoundPage;

    public static byte[] Build(SiteConfig config, IEnumerable<SourceDocument> pages)
    {
        var urls = pages
            .Where(Lists)
            .Select(p => (Loc: config.AbsoluteUrl(p.SitePath), p.Meta.Reviewed))
            .OrderBy(u => u.Loc, StringComparer.Ordinal)
            .Select(u => new XElement(Ns + "url",
                new XElement(Ns + "loc", u.Loc),
                u.Reviewed is { } reviewed ? new XElement(Ns + "lastmod", reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null));
        return XmlBytes.Of(new XElement(Ns + "urlset", urls));
    }
}
