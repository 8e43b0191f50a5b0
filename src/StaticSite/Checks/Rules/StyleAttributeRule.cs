using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>A strict Content-Security-Policy blocks style attributes, so styling goes through classes.</summary>
public sealed class StyleAttributeRule : IPageRule
{
    public string Code => Codes.InlineCode;
    public Severity Severity => Severity.Error;
    public string Message => "style attribute on <{0}>: use a class and the stylesheet";
    public IReadOnlyList<string> Attributes => ["style"];

    public void VisitAttribute(PageElement element, PageAttribute attribute, PageScan page) => page.Report(this, element.LocalName);
}
