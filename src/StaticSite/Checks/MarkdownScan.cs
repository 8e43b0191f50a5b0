using System.Globalization;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>One page's Markdown while the Markdown rules read it, and where they report.</summary>
public sealed class MarkdownScan(SourceDocument page, MarkdownNodes nodes, DiagnosticBag diagnostics)
{
    public SourceDocument Page => page;

    /// <summary>Every block and inline of the page, in document order, listed once for every rule.</summary>
    public MarkdownNodes Nodes => nodes;

    /// <summary>Reports at a place in the page's file (line and column counted from 1, front matter included).</summary>
    public void Report(IMarkdownRule rule, int line, int column, params ReadOnlySpan<object?> args) =>
        diagnostics.Add(new Diagnostic(
            rule.Severity,
            rule.Code,
            string.Format(CultureInfo.InvariantCulture, rule.Message, args),
            page.DisplayPath,
            line,
            column));
}
