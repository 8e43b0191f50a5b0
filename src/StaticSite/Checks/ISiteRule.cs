namespace StaticSite.Checks;

/// <summary>
/// A rule about the site as a whole (links between pages, titles shared by pages). It runs once,
/// after every page has been read, over the strings kept in <see cref="SiteFacts"/>: no DOM is
/// alive by then.
/// </summary>
public interface ISiteRule : ICheckRule
{
    void Check(SiteFacts site);
}
