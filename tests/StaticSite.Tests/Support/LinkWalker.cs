using AngleSharp.Dom;

namespace StaticSite.Tests.Support;

/// <summary>
/// Follows every internal href and src of a built site the way a browser would (System.Uri, not
/// the generator's own path code), so the tests check the generator instead of repeating it.
/// </summary>
public static class LinkWalker
{
    private static readonly Uri Origin = new("http://site.test");

    public sealed record Reference(string Page, string Attribute, string Value, Uri Target);

    public static IEnumerable<Reference> InternalReferences(BuiltSite site)
    {
        foreach (var (path, document) in site.Pages)
        {
            var pageUri = new Uri(Origin, site.BasePath + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path));
            foreach (var element in document.QuerySelectorAll("a[href], link[href], img[src], script[src], source[srcset], img[srcset]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null || (element.LocalName == "link" && element.GetAttribute("rel") is "alternate" or "canonical"))
                    {
                        continue;
                    }

                    var target = new Uri(pageUri, value);
                    if (target.Host == Origin.Host)
                    {
                        yield return new Reference(path, attribute, value, target);
                    }
                }
            }
        }
    }

    /// <summary>The output file a URL on the test origin is served from, or null when outside the base path.</summary>
    public static string? FileFor(BuiltSite site, Uri target)
    {
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(site.BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[site.BasePath.Length..];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }

    public static IElement? Fragment(IDocument document, string fragment) =>
        document.GetElementById(Uri.UnescapeDataString(fragment));
}
