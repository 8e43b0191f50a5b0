using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// A page must hold exactly one of an element (one h1, one main): counted during the walk and
/// judged at the end. The count is the message's {0}, for rules whose message names it.
/// </summary>
public abstract class ExactlyOneElementRule(string element) : IPageRule
{
    private int _count;

    public abstract string Code { get; }
    public Severity Severity => Severity.Error;
    public abstract string Message { get; }
    public IReadOnlyList<string> Elements => [element];

    public void Visit(PageElement element, PageScan page) => _count++;

    public void End(PageScan page)
    {
        if (_count != 1)
        {
            page.Report(this, _count);
        }
    }
}
