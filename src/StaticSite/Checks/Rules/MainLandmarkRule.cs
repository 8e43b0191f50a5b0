using AngleSharp.Dom;
using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>The skip link and landmark navigation both land on the one &lt;main&gt;.</summary>
public sealed class MainLandmarkRule : IPageRule
{
    private int _count;

    public string Code => Codes.PageStructure;
    public Severity Severity => Severity.Error;
    public string Message => "page needs exactly one <main>";
    public IReadOnlyList<string> Elements => ["main"];

    public void Visit(IElement element, PageScan page) => _count++;

    public void End(PageScan page)
    {
        if (_count != 1)
        {
            page.Report(this);
        }
    }
}
