using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>A strict Content-Security-Policy blocks &lt;style&gt; elements, so styles live in the theme's stylesheet.</summary>
public sealed class StyleElementRule : IPageRule
{
    private bool _found;

    public string Code => Codes.InlineCode;
    public Severity Severity => Severity.Error;
    public string Message => "<style> element: put styles in theme/assets so the CSP can stay strict";
    public IReadOnlyList<string> Elements => ["style"];

    public void Visit(PageElement element, PageScan page) => _found = true;

    // Once a page: the fix is the same however many there are.
    public void End(PageScan page)
    {
        if (_found)
        {
            page.Report(this);
        }
    }
}
