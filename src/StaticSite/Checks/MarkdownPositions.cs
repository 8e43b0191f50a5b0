using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>
/// Joins the references of a final page back to the Markdown links they were written as, so an
/// error points at the author's line. The n-th time an href occurs in the HTML (document order,
/// which is the order Markdown renders in) is the n-th Markdown link with that href: two links
/// with the same href on different lines each get their own line. An occurrence beyond the last
/// Markdown link with its href (the layout repeating it) is given that last link: the same href
/// is broken the same way everywhere on a page, so it points the author at a line they wrote
/// rather than at the layout.
/// </summary>
internal sealed class MarkdownPositions
{
    private readonly Dictionary<string, Occurrences>? _byHref;

    public MarkdownPositions(IReadOnlyList<LinkRef> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        _byHref = new Dictionary<string, Occurrences>(links.Count, StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (_byHref.TryGetValue(link.Href, out var occurrences))
            {
                occurrences.Links.Add(link);
            }
            else
            {
                _byHref.Add(link.Href, new Occurrences(link));
            }
        }
    }

    /// <summary>The Markdown link behind the next occurrence of <paramref name="href"/> in the page, if it was written in Markdown.</summary>
    public LinkRef? Next(string href) =>
        _byHref is not null && _byHref.TryGetValue(href, out var occurrences) ? occurrences.Next() : null;

    private sealed class Occurrences(LinkRef first)
    {
        private int _seen;

        public List<LinkRef> Links { get; } = [first];

        public LinkRef Next() => Links[Math.Min(_seen++, Links.Count - 1)];
    }
}
