using StaticSite.Diagnostics;

namespace StaticSite.PlainEnglish;

/// <summary>Reports a problem at an offset into a <see cref="ProseText"/>.</summary>
public delegate void ProseReport(int offset, string message);

/// <summary>
/// One plain-English rule, run on every paragraph, list item and heading of a page. Like a
/// Statiq analyzer, it carries its own code and severity; <see cref="PlainEnglishRules"/> lists them.
/// </summary>
public interface IProseRule
{
    string Code { get; }
    Severity Severity { get; }
    void Check(ProseText prose, ProseReport report);
}
