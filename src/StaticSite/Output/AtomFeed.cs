using System.Globalization;
using System.Xml.Linq;
using StaticSite.Content;

namespace StaticSite.Output;

/// <summary>
/// <c>feed.xml</c>: an Atom feed of the articles, newest review first, so readers and
/// aggregators see when advice is reviewed. Every date comes from front matter (<c>reviewed</c>),
/// never from the clock, so the feed only changes when the content does.
/// </summary>
public static class AtomFeed
{
    public const string FileName = "feed.xml";

    private static readonly XNamespace Ns = "http://www.w3.org/2005/Atom";

    public static bool Lists(SourceDocument page) => page.IsArticle;

    /// <summary>The feed, or null when there are no articles (Atom needs an 'updated' date to be honest about).</summary>
    public static byte[]? Build(SiteConfig config, IEnumerable<SourceDocument> pages)
    {
        var articles = pages
            .Where(Lists)
            .OrderByDescending(p => p.Meta.Reviewed ?? DateOnly.MinValue)
            .ThenBy(p => p.Title, StringComparer.Ordinal)
            .ThenBy(p => p.SitePath, StringComparer.Ordinal)
            .ToList();
        if (articles.Count == 0)
        {
            return null;
        }

        var home = config.AbsoluteUrl("/");
        var feed = new XElement(Ns + "feed",
            new XAttribute(XNamespace.Xml + "lang", config.Language),
            new XElement(Ns + "title", config.Name),
            string.IsNullOrEmpty(config.Description) ? null : new XElement(Ns + "subtitle", config.Description),
            new XElement(Ns + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", config.AbsoluteUrl("/" + FileName))),
            new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", home)),
            new XElement(Ns + "id", home),
            new XElement(Ns + "updated", Timestamp(articles.Max(a => a.Meta.Reviewed))),
            new XElement(Ns + "author", new XElement(Ns + "name", config.Publisher.Length > 0 ? config.Publisher : config.Name)),
            articles.Select(article =>
            {
                var url = config.AbsoluteUrl(article.SitePath);
                return new XElement(Ns + "entry",
                    new XElement(Ns + "title", article.Title),
                    new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", url)),
                    new XElement(Ns + "id", url),
                    new XElement(Ns + "updated", Timestamp(article.Meta.Reviewed)),
                    new XElement(Ns + "summary", article.Meta.Description ?? ""));
            }));
        return XmlBytes.Of(feed);
    }

    /// <summary>Atom dates are RFC 3339 date-times; a review happens on a day, so midnight UTC.</summary>
    private static string Timestamp(DateOnly? date) =>
        (date ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
