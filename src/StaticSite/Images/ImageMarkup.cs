using System.Globalization;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace StaticSite.Images;

/// <summary>
/// What a Markdown image gets on its <c>&lt;img&gt;</c> besides src and alt: its width and height
/// (the browser keeps its space, so the text does not jump as it loads), the smaller copies with
/// the width the image takes on the page, lazy loading for every image after the page's first,
/// and decoding off the main thread.
/// </summary>
public static class ImageMarkup
{
    /// <summary>
    /// How wide the image is shown: the text column (site.css <c>.container</c>, at most 44rem less
    /// its padding) or the whole window on a small screen. An image narrower than that is shown at
    /// its own width, and no copy is ever wider than it, so the browser cannot pick one too big.
    /// </summary>
    public const string Sizes = "(min-width: 44rem) 41rem, 100vw";

    /// <param name="image">The image, its URL already the published href.</param>
    /// <param name="lazy">
    /// True for every image after the first on a page. The first may be on the first screen, where
    /// lazy loading would only delay it; the others load as the reader scrolls towards them.
    /// </param>
    /// <param name="href">Turns a site path into the href pages use (the base path).</param>
    public static void Apply(LinkInline image, ImageFile file, bool lazy, Func<string, string> href)
    {
        var attributes = image.GetAttributes();
        attributes.AddProperty("width", file.Width.ToString(CultureInfo.InvariantCulture));
        attributes.AddProperty("height", file.Height.ToString(CultureInfo.InvariantCulture));
        if (file.Variants.Count > 0)
        {
            var candidates = file.Variants.Select(v => Candidate(href("/" + v.OutputPath), v.Width)).ToList();
            // The original is a candidate only when it is no wider than the widest copy would be;
            // a larger original is still the src, for the rare browser without srcset.
            if (file.Width <= ImageCatalog.Widths[^1])
            {
                candidates.Add(Candidate(image.Url ?? "", file.Width));
            }

            attributes.AddProperty("srcset", string.Join(", ", candidates));
            attributes.AddProperty("sizes", Sizes);
        }

        if (lazy)
        {
            attributes.AddProperty("loading", "lazy");
        }

        attributes.AddProperty("decoding", "async");
    }

    /// <summary>A srcset candidate: spaces and commas would split the list, so they are escaped in the URL.</summary>
    private static string Candidate(string url, int width) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) + " " + width.ToString(CultureInfo.InvariantCulture) + "w";
}
