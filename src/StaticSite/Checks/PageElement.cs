namespace StaticSite.Checks;

/// <summary>One attribute as the page rules read it: its name lower-cased, its value with character references decoded.</summary>
public readonly record struct PageAttribute(string Name, string Value);

/// <summary>What an HTML element's name is to the page reader's tree builder, found with the name in one lookup.</summary>
[Flags]
internal enum ElementKind : ushort
{
    None = 0,
    Void = 1 << 0,

    /// <summary>Its start tag closes an open &lt;p&gt;.</summary>
    ClosesParagraph = 1 << 1,

    /// <summary>An end tag, or an implied one, does not reach past it.</summary>
    ScopeBoundary = 1 << 2,
    ButtonScope = 1 << 3,
    ListScope = 1 << 4,
    TableScope = 1 << 5,

    /// <summary>Its content is text up to its own end tag.</summary>
    RawText = 1 << 6,

    /// <summary>That text has its character references decoded (RCDATA: title, textarea).</summary>
    RawTextDecoded = 1 << 7,
}

/// <summary>
/// One element of a finished page, as <see cref="PageHtml"/> read it: what the page rules ask of
/// an element (its name, attributes, text, ancestors and descendants) and nothing else. Its text is
/// cut from the page's HTML only when a rule asks for it, so a page's elements cost little more
/// than their attributes.
/// </summary>
public sealed class PageElement
{
    private readonly PageHtml _page;
    private List<PageAttribute>? _attributes;

    /// <param name="attributes">As the tag had them, a repeated name already left out; the element keeps the list.</param>
    internal PageElement(PageHtml page, string localName, bool isHtml, PageElement? parent, int index, int contentStart, List<PageAttribute>? attributes)
    {
        _page = page;
        _attributes = attributes;
        LocalName = localName;
        IsHtml = isHtml;
        Parent = parent;
        Index = index;
        ContentStart = contentStart;
        ContentEnd = -1;
        DescendantsEnd = -1;
    }

    /// <summary>The tag name, lower-cased (h1, img, svg).</summary>
    public string LocalName { get; }

    /// <summary>In the HTML namespace: not inside an &lt;svg&gt; or &lt;math&gt;, where a &lt;script&gt; or &lt;title&gt; is another element.</summary>
    public bool IsHtml { get; }

    public PageElement? Parent { get; }

    /// <summary>The attributes in the order they were written; a repeated name keeps its first value, as browsers do.</summary>
    public IReadOnlyList<PageAttribute> Attributes => _attributes ?? (IReadOnlyList<PageAttribute>)[];

    public string? Id => GetAttribute("id");

    /// <summary>Where the element stands among the page's elements in document order.</summary>
    internal int Index { get; }

    /// <summary>Where, in the page's HTML, its content starts (just after its start tag) and ends (where it was closed).</summary>
    internal int ContentStart { get; }

    internal int ContentEnd { get; set; }

    /// <summary>The index just past its last descendant.</summary>
    internal int DescendantsEnd { get; set; }

    /// <summary>Inside a &lt;template&gt;: part of no document until a script copies it, so no rule is shown it.</summary>
    internal bool Inert { get; init; }

    /// <summary>What its name is to the tree builder (void, a scope's boundary, ...); none outside HTML.</summary>
    internal ElementKind Kind { get; init; }

    /// <summary>All of its text, as the DOM's textContent gives it: every text inside it, tags left out, references decoded.</summary>
    public string TextContent => _page.TextOf(this);

    public IEnumerable<PageElement> Descendants
    {
        get
        {
            for (var i = Index + 1; i < DescendantsEnd; i++)
            {
                yield return _page.Elements[i];
            }
        }
    }

    public IEnumerable<PageElement> Ancestors
    {
        get
        {
            for (var parent = Parent; parent is not null; parent = parent.Parent)
            {
                yield return parent;
            }
        }
    }

    public string? GetAttribute(string name) => ValueOf(_attributes, name);

    /// <summary>The value of the attribute of that (lower-case) name in a tag's list, or null; also used while the tag is read.</summary>
    internal static string? ValueOf(List<PageAttribute>? attributes, string name)
    {
        if (attributes is null)
        {
            return null;
        }

        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>Adds an attribute unless the element has one of that name: a second &lt;html&gt; tag only adds.</summary>
    internal void AddAttribute(string name, string value)
    {
        if (!HasAttribute(name))
        {
            (_attributes ??= new List<PageAttribute>(4)).Add(new PageAttribute(name, value));
        }
    }

    public override string ToString() => $"<{LocalName}>";
}
