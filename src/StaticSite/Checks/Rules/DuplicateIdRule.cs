using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>A fragment link or a label for an id that is used twice goes to the first one only.</summary>
public sealed class DuplicateIdRule : IPageRule
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public string Code => Codes.DuplicateId;
    public Severity Severity => Severity.Error;
    public string Message => "id '{0}' is used twice on the page; links and labels need unique ids";
    public IReadOnlyList<string> Attributes => ["id"];

    public void VisitAttribute(PageElement element, PageAttribute attribute, PageScan page)
    {
        if (!_seen.Add(attribute.Value))
        {
            page.Report(this, attribute.Value);
        }
    }
}
