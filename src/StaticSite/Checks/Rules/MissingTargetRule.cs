using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>Every internal link, image, stylesheet and script must reach a file the build makes.</summary>
public sealed class MissingTargetRule : ISiteRule
{
    public string Code => Codes.BrokenLink;
    public Severity Severity => Severity.Error;
    public string Message => "{0} '{1}' goes to no page or file (nothing at {2})";

    public void Check(SiteFacts site)
    {
        foreach (var (page, reference) in site.References.Where(r => r.Reference.Reach == Reach.Nowhere))
        {
            site.Report(this, page, reference, reference.Attribute, reference.Value, reference.TargetFile);
        }
    }
}
