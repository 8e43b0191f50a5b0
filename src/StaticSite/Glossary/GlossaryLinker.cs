using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Markdown;
using StaticSite.Markdown.Components;

namespace StaticSite.Glossary;

/// <summary>
/// Links the first use of each glossary term on an article to its entry (WCAG 3.1.3, unusual
/// words) and expands an abbreviation where it is first used, unless that paragraph already spells
/// it out (WCAG 3.1.4): "DVT" becomes "DVT (deep vein thrombosis)", with the DVT linking to the
/// glossary. Headings, existing links and checklist labels are left alone: a link
/// inside a tick box's label would take the click meant for the box.
/// </summary>
public static class GlossaryLinker
{
    /// <summary>Rewrites <paramref name="document"/> in place and returns the ids of the terms it linked.</summary>
    public static IReadOnlyList<string> Link(MarkdownDocument document, GlossaryIndex glossary, string glossaryHref)
    {
        if (!glossary.HasEntries)
        {
            return [];
        }

        var linked = new List<string>();
        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => !InsideChecklist(p)).ToList())
        {
            // Read before any change, so "deep vein thrombosis (DVT)" is seen whole even when a term inside it gets linked.
            var paragraphText = MarkdownText.Of(paragraph);
            var literals = paragraph.Inline?.Descendants<LiteralInline>().Where(l => !l.FindParentOfType<LinkInline>().Any()).ToList() ?? [];
            foreach (var literal in literals)
            {
                LinkFirstUses(literal, paragraphText, glossary, glossaryHref, linked);
            }
        }

        return linked;
    }

    private static void LinkFirstUses(LiteralInline literal, string paragraphText, GlossaryIndex glossary, string glossaryHref, List<string> linked)
    {
        var text = literal.Content.ToString();
        var first = glossary.Find(text).FirstOrDefault(m => !linked.Contains(m.Entry.Id));
        if (first.Entry is null)
        {
            return;
        }

        var (entry, index, length) = first;
        linked.Add(entry.Id);
        var word = text.Substring(index, length);
        var before = text[..index];
        var after = text[(index + length)..];

        string? expanded = null;
        var link = new LinkInline(glossaryHref + "#" + entry.Id, "") { IsClosed = true, Line = literal.Line, Column = literal.Column + index };
        if (entry.StandsFor is { } standsFor)
        {
            var expansion = word.EndsWith('s') && !entry.Term.EndsWith('s') && !standsFor.EndsWith('s') ? standsFor + "s" : standsFor;
            link.AppendChild(new HtmlInline($"<abbr title=\"{WebUtility.HtmlEncode(expansion)}\">"));
            link.AppendChild(new LiteralInline(word) { Line = literal.Line, Column = literal.Column + index });
            link.AppendChild(new HtmlInline("</abbr>"));
            if (!IsExpandedIn(paragraphText, standsFor))
            {
                // Already in brackets, "(MRI)" reads better as "(MRI, magnetic resonance imaging)".
                var inBrackets = before.TrimEnd().EndsWith('(') && after.TrimStart().StartsWith(')');
                expanded = inBrackets ? ", " + expansion : " (" + expansion + ")";
            }
        }
        else
        {
            link.AppendChild(new LiteralInline(word) { Line = literal.Line, Column = literal.Column + index });
        }

        Inline current = literal;
        if (before.Length > 0)
        {
            var head = new LiteralInline(before) { Line = literal.Line, Column = literal.Column };
            current.InsertAfter(head);
            current = head;
        }

        current.InsertAfter(link);
        current = link;
        if (expanded is not null)
        {
            // Its own node, so text after it keeps its true column for messages about it.
            var expansionText = new LiteralInline(expanded) { Line = literal.Line, Column = literal.Column + index + length };
            current.InsertAfter(expansionText);
            current = expansionText;
        }

        LiteralInline? tail = null;
        if (after.Length > 0)
        {
            tail = new LiteralInline(after) { Line = literal.Line, Column = literal.Column + index + length };
            current.InsertAfter(tail);
        }

        literal.Remove();
        if (tail is not null)
        {
            // The rest of the text may hold the first use of another term.
            LinkFirstUses(tail, paragraphText, glossary, glossaryHref, linked);
        }
    }

    /// <summary>
    /// True when the paragraph already spells the abbreviation out ("deep vein thrombosis (DVT)",
    /// "iliotibial band syndrome (ITB syndrome)"): adding it again would only get in the way.
    /// </summary>
    private static bool IsExpandedIn(string paragraphText, string standsFor) =>
        paragraphText.Contains(standsFor, StringComparison.OrdinalIgnoreCase);

    private static bool InsideChecklist(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ChecklistBlock)
            {
                return true;
            }
        }

        return false;
    }
}
