using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticSite.Markdown;

/// <summary>
/// Every block and inline of one page's Markdown tree in document order, as Markdig's
/// <c>Descendants()</c> gives them, found in one walk without recursion; with what the same walk
/// sees on the way: the first node nested deeper than <see cref="MarkdownNesting.MaxDepth"/>, and
/// whether there is raw HTML. The process stage's steps (headings, components, links, prose,
/// checklists, the Markdown rules) each read this list instead of walking the tree again: Markdig's
/// walk goes through an iterator per container, and seven of them a page were about 4 % of a build.
/// </summary>
/// <remarks>
/// The list is what the tree was when it was made. Steps that only change nodes in place (ids,
/// levels, link addresses, image sizes) leave it true; the glossary linker, which adds links,
/// walks the tree itself.
/// </remarks>
public sealed class MarkdownNodes
{
    private readonly List<MarkdownObject> _all;

    private MarkdownNodes(List<MarkdownObject> all, MarkdownObject? firstTooDeep, bool hasRawHtml)
    {
        _all = all;
        FirstTooDeep = firstTooDeep;
        HasRawHtml = hasRawHtml;
    }

    /// <summary>Every node but the document itself, in document order (complete only when <see cref="FirstTooDeep"/> is null).</summary>
    public IReadOnlyList<MarkdownObject> All => _all;

    /// <summary>The first block or inline, in document order, nested deeper than <see cref="MarkdownNesting.MaxDepth"/>; the walk stopped there.</summary>
    public MarkdownObject? FirstTooDeep { get; }

    /// <summary>Whether the walk met raw HTML (a block or an inline tag).</summary>
    public bool HasRawHtml { get; }

    /// <summary>The nodes of one type, in document order, without an iterator object.</summary>
    public TypedNodes<T> OfType<T>() where T : MarkdownObject => new(_all);

    public static MarkdownNodes Of(MarkdownDocument document)
    {
        var all = new List<MarkdownObject>(256);
        var hasRawHtml = false;
        // A leaf block's inlines hang from a container of their own, which counts as a level of
        // nesting but which Markdig's walk does not give: it is walked, not listed.
        var pending = new Stack<(MarkdownObject Node, int Depth, bool Listed)>();
        pending.Push((document, 0, false));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MarkdownNesting.MaxDepth)
            {
                return new MarkdownNodes(all, item.Node, hasRawHtml);
            }

            if (item.Listed)
            {
                all.Add(item.Node);
            }

            hasRawHtml |= item.Node is HtmlBlock or HtmlInline;

            // Children are pushed last first, so they come off the stack in document order.
            switch (item.Node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push((container[i], item.Depth + 1, true));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, item.Depth + 1, false));
                    break;
                case ContainerInline inline:
                    for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push((child, item.Depth + 1, true));
                    }

                    break;
            }
        }

        return new MarkdownNodes(all, null, hasRawHtml);
    }

    /// <summary>A page's nodes of one type: a value to <c>foreach</c> over.</summary>
    public readonly struct TypedNodes<T>(List<MarkdownObject> all) where T : MarkdownObject
    {
        public Enumerator GetEnumerator() => new(all);

        public struct Enumerator(List<MarkdownObject> all)
        {
            private int _index = -1;

            public T Current { get; private set; } = null!;

            public bool MoveNext()
            {
                while (++_index < all.Count)
                {
                    if (all[_index] is T found)
                    {
                        Current = found;
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>As a list, for LINQ.</summary>
        public List<T> ToList()
        {
            var list = new List<T>();
            foreach (var node in this)
            {
                list.Add(node);
            }

            return list;
        }
    }
}
