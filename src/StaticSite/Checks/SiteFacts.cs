using System.Globalization;
using StaticSite.Diagnostics;

namespace StaticSite.Checks;

/// <summary>
/// Every page's kept facts, indexed by output file, for the site rules; and where they report.
/// </summary>
public sealed class SiteFacts
{
    private readonly Dictionary<string, PageFacts> _byOutputPath;
    private readonly DiagnosticBag _diagnostics;

    public SiteFacts(IEnumerable<PageFacts> pages, string basePath, DiagnosticBag diagnostics)
    {
        // One entry per output file, the last page read winning, as a map keyed by path keeps it.
        _byOutputPath = new Dictionary<string, PageFacts>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            _byOutputPath[page.OutputPath] = page;
        }

        Pages = [.. _byOutputPath.Values.OrderBy(p => p.OutputPath, StringComparer.Ordinal)];
        BasePath = basePath;
        _diagnostics = diagnostics;
    }

    /// <summary>One per output file, in path order.</summary>
    public IReadOnlyList<PageFacts> Pages { get; }

    /// <summary>Every internal reference of every page, with the page it is on, in page then document order.</summary>
    public IEnumerable<(PageFacts Page, PageReference Reference)> References =>
        Pages.SelectMany(page => page.References.Select(reference => (page, reference)));

    /// <summary>The folder the site is served under, with leading and trailing slash.</summary>
    public string BasePath { get; }

    public bool TryGetPage(string outputPath, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PageFacts? page) =>
        _byOutputPath.TryGetValue(outputPath, out page);

    /// <summary>Reports against a page's source file as a whole.</summary>
    public void Report(ISiteRule rule, PageFacts page, params ReadOnlySpan<object?> args) =>
        _diagnostics.Add(new Diagnostic(rule.Severity, rule.Code, Format(rule, args), page.SourceDisplayPath));

    /// <summary>
    /// Reports a reference where the author wrote it: at its Markdown line and column, or, when
    /// the layout or raw HTML wrote it, against the page with the output file named.
    /// </summary>
    public void Report(ISiteRule rule, PageFacts page, PageReference reference, params ReadOnlySpan<object?> args)
    {
        var message = Format(rule, args);
        _diagnostics.Add(reference.FromMarkdown
            ? new Diagnostic(rule.Severity, rule.Code, message, page.SourceDisplayPath, reference.Line, reference.Column)
            : new Diagnostic(rule.Severity, rule.Code, $"{message} (in {page.OutputPath}, from the layout or HTML)", page.SourceDisplayPath));
    }

    private static string Format(ISiteRule rule, ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, rule.Message, args);
}
