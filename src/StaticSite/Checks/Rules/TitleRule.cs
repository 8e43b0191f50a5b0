using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>The title names the tab, the bookmark and the search result, and is read out first.</summary>
public sealed class TitleRule : IPageRule
{
    public string Code => Codes.PageStructure;
    public Severity Severity => Severity.Error;
    public string Message => "page has no <title>";

    public void End(PageScan page)
    {
        if (page.Title.Length == 0)
        {
            page.Report(this);
        }
    }
}
