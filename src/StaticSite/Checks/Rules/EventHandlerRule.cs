using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>A strict Content-Security-Policy blocks onclick and the like, so behaviour lives in the script file.</summary>
public sealed class EventHandlerRule : IPageRule
{
    public string Code => Codes.InlineCode;
    public Severity Severity => Severity.Error;
    public string Message => "event handler attribute '{0}' on <{1}>: use the script file";
    public IReadOnlyList<string> Attributes => ["on*"];

    public void VisitAttribute(PageElement element, PageAttribute attribute, PageScan page) => page.Report(this, attribute.Name, element.LocalName);
}
