using System.Text;
using StaticSite.Content;

namespace StaticSite.Output;

/// <summary>
/// <c>robots.txt</c>: everything may be crawled, and here is the sitemap. Crawlers only read it at
/// the root of a host, so under a base path (a GitHub project site) it is harmless but unread;
/// the sitemap is still found through search consoles.
/// </summary>
public static class RobotsTxt
{
    public const string FileName = "robots.txt";

    public static byte[] Build(SiteConfig config) => Encoding.UTF8.GetBytes(
        $"User-agent: *\nDisallow:\n\nSitemap: {config.AbsoluteUrl("/" + Sitemap.FileName)}\n");
}
