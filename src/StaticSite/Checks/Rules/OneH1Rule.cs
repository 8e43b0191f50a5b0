using AngleSharp.Dom;
using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>One h1 says what the page is; screen-reader users jump to it to start reading.</summary>
public sealed class OneH1Rule : IPageRule
{
    private int _count;

    public string Code => Codes.HeadingH1;
    public Severity Severity => Severity.Error;
    public string Message => "page has {0} h1 elements; it needs exactly one";
    public IReadOnlyList<string> Elements => ["h1"];

    public void Visit(IElement element, PageScan page) => _count++;

    public void End(PageScan page)
    {
        if (_count != 1)
        {
            page.Report(this, _count);
        }
    }
}
