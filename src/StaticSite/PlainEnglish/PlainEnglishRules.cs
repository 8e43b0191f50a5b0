using Markdig.Syntax;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.PlainEnglish;

/// <summary>
/// The plain-English rules a site runs, chosen once per build from its settings, and the walk that
/// feeds them every paragraph, list item and heading of a page.
/// </summary>
public sealed class PlainEnglishRules(IReadOnlyList<IProseRule> rules)
{
    private readonly IProseRule[] _rules = [.. rules];

    /// <summary>
    /// Written on its own line just before a paragraph or list, this lets its sentences run over
    /// the limit, for the rare sentence that cannot be split (a quotation, a list of names).
    /// </summary>
    public const string AllowLongSentences = "<!-- allow long sentences -->";

    public static PlainEnglishRules For(SiteConfig config)
    {
        var list = new List<IProseRule> { new LongSentenceRule(config.MaxSentenceWords) };
        if (config.Language.Equals("en-GB", StringComparison.OrdinalIgnoreCase))
        {
            list.Add(SpellingVariantRule.Load());
        }

        return new PlainEnglishRules(list);
    }

    /// <summary>
    /// Runs every rule over the page's prose and returns that prose (every paragraph, list item and
    /// heading, as readers get it), so the readability score reads the same text without building it again.
    /// </summary>
    public IReadOnlyList<ProseText> Check(SourceDocument page, MarkdownNodes nodes, DiagnosticBag diagnostics)
    {
        var all = ProseOf(nodes).ToList();
        // One reporter a page, told which block and rule it reports for: a delegate for each block
        // and rule was hundreds of MB of garbage over a large site.
        var findings = new Findings(page.DisplayPath, diagnostics);
        ProseReport report = findings.Report;
        foreach (var prose in all)
        {
            if (!prose.HasPositions)
            {
                continue;
            }

            findings.Prose = prose;
            foreach (var rule in _rules)
            {
                findings.Rule = rule;
                rule.Check(prose, report);
            }
        }

        return all;
    }

    private sealed class Findings(string displayPath, DiagnosticBag diagnostics)
    {
        public ProseText? Prose { get; set; }
        public IProseRule? Rule { get; set; }

        public void Report(int offset, string message)
        {
            var (line, column) = Prose!.PositionOf(offset);
            diagnostics.Add(new Diagnostic(Rule!.Severity, Rule.Code, message, displayPath, line, column));
        }
    }

    /// <summary>
    /// The page's prose in one walk of its blocks. The block after an allow marker comes after the
    /// marker in document order, so it is known to be allowed before it or anything in it is reached.
    /// </summary>
    private static IEnumerable<ProseText> ProseOf(MarkdownNodes nodes)
    {
        HashSet<Block>? allowed = null;
        var builder = new ProseText.Builder();
        foreach (var block in nodes.OfType<Block>())
        {
            if (block is HtmlBlock html && IsAllowMarker(html))
            {
                if (html.Parent is { } parent && parent.IndexOf(html) is var index && index + 1 < parent.Count)
                {
                    (allowed ??= []).Add(parent[index + 1]);
                }

                continue;
            }

            if (block is not (ParagraphBlock or HeadingBlock))
            {
                continue;
            }

            var isAllowed = false;
            for (Block? b = block; allowed is not null && b is not null; b = b.Parent)
            {
                isAllowed |= allowed.Contains(b);
            }

            if (builder.From((LeafBlock)block, isAllowed) is { } prose)
            {
                yield return prose;
            }
        }
    }

    private static bool IsAllowMarker(HtmlBlock block) =>
        block.Lines.ToString().Trim().Equals(AllowLongSentences, StringComparison.Ordinal);
}
