
namespace StaticSite.Checks;

/// <summary>
/// A rule about one page. It names the elements and attributes it reads; <see cref="PageWalk"/>
/// visits each element of the page once and shows it only to the rules that asked for it, so a
/// page costs one walk however many rules there are. A rule object reads one page only (each page
/// gets a fresh set from <see cref="CheckRules.Create"/>), so it may keep counts in fields without locks.
/// </summary>
public interface IPageRule : ICheckRule
{
    /// <summary>Local names of the elements this rule is shown (h1, img, …), in any namespace, as a CSS type selector matches them.</summary>
    IReadOnlyList<string> Elements => [];

    /// <summary>Names of the attributes this rule is shown (style, id); a name ending in '*' matches every name with that start (on*).</summary>
    IReadOnlyList<string> Attributes => [];

    /// <summary>Called for each element named in <see cref="Elements"/>, in document order.</summary>
    void Visit(PageElement element, PageScan page)
    {
    }

    /// <summary>Called for each attribute named in <see cref="Attributes"/>, in document order.</summary>
    void VisitAttribute(PageElement element, PageAttribute attribute, PageScan page)
    {
    }

    /// <summary>Called once the whole page has been walked, for rules that judge counts or the document as a whole.</summary>
    void End(PageScan page)
    {
    }
}
