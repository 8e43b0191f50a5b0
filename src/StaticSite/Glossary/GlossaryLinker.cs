using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Markdown.Components;

namespace StaticSite.Glossary;

/// <summary>
/// Links the first use of each glossary term on an article to its entry (WCAG 3.1.3, unusual
/// words) and expands an abbreviation where it is first used, unless the author already wrote the
/// expansion beside it (WCAG 3.1.4): "DVT" becomes "DVT (deep vein thrombosis)", with the DVT
/// linking to the glossary. Headings, existing links and checklist labels are left alone: a link
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
        var literals = document.Descendants<ParagraphBlock>()
            .Where(p => !InsideChecklist(p))
            .SelectMany(p => p.Inline?.Descendants<LiteralInline>() ?? [])
            .Where(l => !InsideLink(l))
            .ToList();
        foreach (var literal in literals)
        {
            LinkFirstUses(literal, glossary, glossaryHref, linked);
        }

        return linked;
    }

    private static void LinkFirstUses(LiteralInline literal, GlossaryIndex glossary, string glossaryHref, List<string> linked)
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

        var link = new LinkInline(glossaryHref + "#" + entry.Id, "") { IsClosed = true, Line = literal.Line, Column = literal.Column + index };
        if (entry.StandsFor is { } standsFor)
        {
            var expansion = word.EndsWith('s') && !entry.Term.EndsWith('s') && !standsFor.EndsWith('s') ? standsFor + "s" : standsFor;
            link.AppendChild(new HtmlInline($"<abbr title=\"{WebUtility.HtmlEncode(expansion)}\">"));
            link.AppendChild(new LiteralInline(word));
            link.AppendChild(new HtmlInline("</abbr>"));
            if (!IsExpandedBeside(before, after, standsFor, literal))
            {
                after = " (" + expansion + ")" + after;
            }
        }
        else
        {
            link.AppendChild(new LiteralInline(word));
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
            LinkFirstUses(tail, glossary, glossaryHref, linked);
        }
    }

    /// <summary>True when the author wrote "deep vein thrombosis (DVT)" or "DVT (deep vein thrombosis)".</summary>
    private static bool IsExpandedBeside(string before, string after, string standsFor, LiteralInline literal)
    {
        var escaped = Regex.Escape(standsFor);
        var previous = literal.PreviousSibling is LiteralInline p ? p.Content.ToString() : "";
        return Regex.IsMatch(previous + before, escaped + @"s?\s*\(\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            || Regex.IsMatch(after, @"^s?\s*\(\s*" + escaped, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

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
