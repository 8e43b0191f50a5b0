using StaticSite.Content;

namespace StaticSite.Output;

/// <summary>The files the publish step adds to the site.</summary>
public sealed record PublishedFiles(IReadOnlyDictionary<string, byte[]> Files);

/// <summary>
/// What crawlers and feed readers read besides the pages: the sitemap, robots.txt and the Atom
/// feed. Made before the check stage, so the pages' links to them are checked.
/// </summary>
public static class Publishing
{
    public static PublishedFiles Build(SiteConfig config, IReadOnlyList<SourceDocument> pages)
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

        return new PublishedFiles(files);
    }
}
