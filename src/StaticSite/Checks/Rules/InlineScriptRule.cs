using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// A strict Content-Security-Policy (no 'unsafe-inline') must leave every page working, so no
/// script may be written into a page. JSON-LD is data, not script, and the CSP lets it be.
/// </summary>
public sealed class InlineScriptRule : IPageRule
{
    public string Code => Codes.InlineCode;
    public Severity Severity => Severity.Error;
    public string Message => "inline <script>: put scripts in theme/assets so the CSP can stay strict";
    public IReadOnlyList<string> Elements => ["script"];

    public void Visit(PageElement element, PageScan page)
    {
        // Only HTML scripts run as page script (an SVG <script> is a different element).
        if (element.IsHtml && element.GetAttribute("src") is null or "" && element.GetAttribute("type") != "application/ld+json")
        {
            page.Report(this);
        }
    }
}
