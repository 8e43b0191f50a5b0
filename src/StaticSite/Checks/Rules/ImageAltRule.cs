using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>An image with no alt is read out by its file name; alt="" is the way to say "decorative".</summary>
public sealed class ImageAltRule : IPageRule
{
    public string Code => Codes.ImageAlt;
    public Severity Severity => Severity.Error;
    public string Message => "image '{0}' has no alt attribute; describe it, or use alt=\"\" if it is decorative";
    public IReadOnlyList<string> Elements => ["img"];

    public void Visit(PageElement element, PageScan page)
    {
        if (!element.HasAttribute("alt"))
        {
            page.Report(this, element.GetAttribute("src"));
        }
    }
}
