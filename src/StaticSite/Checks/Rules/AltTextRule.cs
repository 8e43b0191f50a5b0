using System.Globalization;
using System.Text.RegularExpressions;
using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// Alt text that is there but does not help the reader who hears it instead of seeing the image:
/// a file name ("IMG_2041.jpg"), an opening of "image of" or "picture of" (screen readers already
/// say "image"), or text so long that it is tiring to hear in one go and cannot be skimmed (its
/// detail belongs in a figure caption or the page's text). Warnings, not errors: the image still
/// has a description. Reported at the line of the Markdown image when it was written in Markdown.
/// </summary>
public sealed partial class AltTextRule : IPageRule
{
    public const int MaxLength = 150;

    private Dictionary<string, List<Markdown.LinkRef>>? _written;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Code => Codes.AltText;
    public Severity Severity => Severity.Warning;
    public string Message => "image '{0}': {1}";
    public IReadOnlyList<string> Elements => ["img"];

    public void Visit(PageElement element, PageScan page)
    {
        var src = element.GetAttribute("src") ?? "";
        var written = WrittenAs(src, page);
        if (element.GetAttribute("alt") is { } alt && Problem(alt.Trim(), src) is { } problem)
        {
            page.ReportAt(this, written?.Line ?? 0, written?.Column ?? 0, written?.Written ?? src, problem);
        }
    }

    /// <summary>
    /// The Markdown image behind this one: the n-th image with a src is the n-th Markdown image
    /// with it. Past the last, the image was written as HTML (or by the layout), which has no line.
    /// </summary>
    private Markdown.LinkRef? WrittenAs(string src, PageScan page)
    {
        _written ??= page.Page.MarkdownLinks.GroupBy(l => l.Href, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var n = _seen[src] = _seen.GetValueOrDefault(src) + 1;
        return _written.TryGetValue(src, out var links) && n <= links.Count ? links[n - 1] : null;
    }

    /// <summary>What is wrong with <paramref name="alt"/> for an image at <paramref name="src"/>, or null.</summary>
    public static string? Problem(string alt, string src)
    {
        if (alt.Length == 0)
        {
            // alt="" is how a decorative image is marked; a missing alt is ImageAltRule's.
            return null;
        }

        var file = Uri.UnescapeDataString(src.Split('?', '#')[0]);
        file = file[(file.LastIndexOf('/') + 1)..];
        var stem = Path.GetFileNameWithoutExtension(file);
        if (FileName().IsMatch(alt) || alt.Equals(file, StringComparison.OrdinalIgnoreCase) || (stem.Length > 0 && alt.Equals(stem, StringComparison.OrdinalIgnoreCase)))
        {
            return $"the alt text '{alt}' is a file name; say what the image shows";
        }

        if (ImageOf().Match(alt) is { Success: true } opening)
        {
            return $"the alt text starts with '{opening.Value}'; screen readers already say it is an image, so start with what it shows";
        }

        if (alt.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the alt text is {alt.Length} characters; keep it to {MaxLength} and put the detail in a figure caption or the text");
        }

        return null;
    }

    [GeneratedRegex(@"^[^\s/\\]+\.(png|jpe?g|gif|webp|avif|svg|bmp|tiff?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(an? )?(image|picture) of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageOf();
}
