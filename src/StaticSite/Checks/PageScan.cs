using System.Globalization;
using StaticSite.Diagnostics;

namespace StaticSite.Checks;

/// <summary>
/// One page while it is being walked: what the page rules may read beyond the element in hand,
/// and where they report. It lives only as long as the page's elements do.
/// </summary>
public sealed class PageScan(RenderedPage page, PageHtml html, DiagnosticBag diagnostics)
{
    public RenderedPage Page => page;

    public PageHtml Html => html;

    /// <summary>The text of the page's &lt;title&gt;, white space collapsed; empty when it has none.</summary>
    public string Title => html.Title;

    /// <summary>
    /// Reports against the page's source file with no line (a final page has no Markdown line),
    /// naming the output file so the author can open the HTML that broke the rule.
    /// </summary>
    public void Report(IPageRule rule, params ReadOnlySpan<object?> args) =>
        diagnostics.Add(new Diagnostic(
            rule.Severity,
            rule.Code,
            $"{string.Format(CultureInfo.InvariantCulture, rule.Message, args)} (in {page.OutputPath})",
            page.SourceDisplayPath));

    /// <summary>
    /// Reports at the line and column of the Markdown the element was written as; with no line
    /// (0: the element came from a layout or raw HTML), as <see cref="Report"/> does.
    /// </summary>
    public void ReportAt(IPageRule rule, int line, int column, params ReadOnlySpan<object?> args)
    {
        if (line <= 0)
        {
            Report(rule, args);
            return;
        }

        diagnostics.Add(new Diagnostic(rule.Severity, rule.Code, string.Format(CultureInfo.InvariantCulture, rule.Message, args), page.SourceDisplayPath, line, column));
    }
}
