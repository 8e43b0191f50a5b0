using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// Two pages with one title look the same in tabs, bookmarks and search results. Pages that send
/// the reader on (old addresses) are never shown, so two aliases of one page may share a title.
/// </summary>
public sealed class DuplicateTitleRule : ISiteRule
{
    public string Code => Codes.DuplicateTitle;
    public Severity Severity => Severity.Error;
    public string Message => "page title '{0}' is used by more than one page ({1}); each page needs its own title";

    public void Check(SiteFacts site)
    {
        var byTitle = new Dictionary<string, List<PageFacts>>(StringComparer.Ordinal);
        foreach (var page in site.Pages)
        {
            if (page is { SendsReaderOn: false, Title.Length: > 0 })
            {
                if (byTitle.TryGetValue(page.Title, out var same))
                {
                    same.Add(page);
                }
                else
                {
                    byTitle.Add(page.Title, [page]);
                }
            }
        }

        foreach (var (title, pages) in byTitle)
        {
            if (pages.Count > 1)
            {
                var names = string.Join(", ", pages.Select(p => p.SourceDisplayPath).Order(StringComparer.Ordinal));
                foreach (var page in pages)
                {
                    site.Report(this, page, title, names);
                }
            }
        }
    }
}
