using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// Screen-reader users move through a page by its headings; a skipped level (h2 to h4) reads as a
/// missing section. Layout headings count too, so this is checked on the final page.
/// </summary>
public sealed class HeadingOrderRule : IPageRule
{
    private int _previous;

    public string Code => Codes.HeadingSkip;
    public Severity Severity => Severity.Error;
    public string Message => "heading level skips from h{0} to h{1} ('{2}')";
    public IReadOnlyList<string> Elements => ["h1", "h2", "h3", "h4", "h5", "h6"];

    public void Visit(PageElement element, PageScan page)
    {
        var level = element.LocalName[1] - '0';
        if (_previous > 0 && level > _previous + 1)
        {
            page.Report(this, _previous, level, element.TextContent.Trim());
        }

        _previous = level;
    }
}
