using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>Screen readers choose their voice and pronunciation from the page's language.</summary>
public sealed class LangRule : IPageRule
{
    public string Code => Codes.PageStructure;
    public Severity Severity => Severity.Error;
    public string Message => "<html> has no lang attribute";

    public void End(PageScan page)
    {
        if (string.IsNullOrWhiteSpace(page.Html.Root.GetAttribute("lang")))
        {
            page.Report(this);
        }
    }
}
