using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// A link to #section lands at the top of the page when the section is gone (a heading renamed),
/// which is easy to miss by hand; the target page's ids were kept to check it.
/// </summary>
public sealed class BrokenFragmentRule : ISiteRule
{
    public string Code => Codes.BrokenFragment;
    public Severity Severity => Severity.Error;
    public string Message => "link '{0}' goes to '#{1}', but {2} has no element with that id";

    public void Check(SiteFacts site)
    {
        foreach (var (page, reference) in site.References)
        {
            // A file that is not a page (an image, a feed) has no ids to check against.
            if (reference is { Reach: Reach.File, Fragment.Length: > 0 }
                && site.TryGetPage(reference.TargetFile, out var target)
                && !target.Ids.Contains(reference.Fragment))
            {
                site.Report(this, page, reference, reference.Value, reference.Fragment, target.SourceDisplayPath);
            }
        }
    }
}
