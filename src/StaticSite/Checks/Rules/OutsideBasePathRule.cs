using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>A site served under a folder (GitHub Pages) breaks any link that leaves that folder.</summary>
public sealed class OutsideBasePathRule : ISiteRule
{
    public string Code => Codes.BrokenLink;
    public Severity Severity => Severity.Error;
    public string Message => "{0} '{1}' is outside the site's base path {2}";

    public void Check(SiteFacts site)
    {
        foreach (var (page, reference) in site.References.Where(r => r.Reference.Reach == Reach.OutsideBasePath))
        {
            site.Report(this, page, reference, reference.Attribute, reference.Value, site.BasePath);
        }
    }
}
