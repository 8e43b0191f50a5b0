using System.Runtime.CompilerServices;

namespace StaticSite.Checks;

/// <summary>
/// Gathers a page's <see cref="PageFacts"/> during the same walk that feeds the page rules: its
/// ids, its internal references (resolved, and joined to their Markdown lines) and whether it
/// sends the reader on. Only strings leave it.
/// </summary>
internal sealed class PageFactsReader
{
    private readonly RenderedPage _page;
    private readonly ReferenceResolver _resolver;
    private readonly MarkdownPositions _positions;
    private readonly string _folder;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<PageReference> _references = [];
    private bool _sendsReaderOn;

    public PageFactsReader(RenderedPage page, ReferenceResolver resolver)
    {
        _page = page;
        _resolver = resolver;
        _positions = new MarkdownPositions(page.MarkdownLinks);
        var sitePath = "/" + page.OutputPath;
        _folder = sitePath[..(sitePath.LastIndexOf('/') + 1)];
    }

    /// <summary>Every id on the page, duplicates once (the id rule reports those).</summary>
    public void Id(string id) => _ids.Add(id);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Visit(PageElement element)
    {
        // The elements that load or link something, as the selector a[href], link[href],
        // img[src], script[src], source[src], img[srcset], source[srcset] finds them.
        switch (element.LocalName)
        {
            case "a" or "link" when element.HasAttribute("href"):
            case "script" when element.HasAttribute("src"):
            case "img" or "source" when element.HasAttribute("src") || element.HasAttribute("srcset"):
                AddReferences(element);
                break;
            case "meta":
                // A page that sends the reader straight on (an old address) is never shown or
                // indexed, so its title cannot be mistaken for another page's.
                _sendsReaderOn |= string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    /// <summary>
    /// The page's facts once its walk is done. A link to a fragment of this same page that exists
    /// (the "On this page" list) is settled here too, now that every id is known.
    /// </summary>
    public PageFacts Build(string title)
    {
        _references.RemoveAll(r => r.Reach == Reach.File && r.TargetFile == _page.OutputPath && _ids.Contains(r.Fragment!));
        return new(_page.OutputPath, _page.SourceDisplayPath, title, _sendsReaderOn, _ids, _references);
    }

    // An element gives its href, src and srcset candidates in that order, so the Markdown join
    // meets them in document order.
    private void AddReferences(PageElement element)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["href", "src"])
        {
            if (element.GetAttribute(attribute) is { } value)
            {
                Add(attribute, value);
            }
        }

        if (element.GetAttribute("srcset") is { } srcset)
        {
            foreach (var candidate in srcset.Split(','))
            {
                if (candidate.Trim().Split(' ')[0] is { Length: > 0 } url)
                {
                    Add("srcset", url);
                }
            }
        }
    }

    private void Add(string attribute, string value)
    {
        if (!ReferenceResolver.IsChecked(value))
        {
            return;
        }

        // Only what a site rule can still find wrong is kept: a reference that reaches a file and
        // names no fragment is settled now (the files were all known before rendering), and at
        // 10,000 pages the layout's links alone would otherwise be hundreds of thousands of records.
        var reference = _resolver.Resolve(_page.OutputPath, _folder, attribute, value, _positions.Next(value));
        if (reference.Reach != Reach.File || reference.Fragment is { Length: > 0 })
        {
            _references.Add(reference);
        }
    }
}
