using StaticSite.Diagnostics;

namespace StaticSite.Checks;

/// <summary>
/// One check of the final pages, as a Statiq analyzer is one object: it carries its own code,
/// severity and message, so a rule can be found, listed and tested on its own. Every rule is
/// registered once in <see cref="CheckRules"/>.
/// </summary>
public interface ICheckRule
{
    string Code { get; }
    Severity Severity { get; }

    /// <summary>
    /// The message as a composite format ({0}, {1}, … are filled in when the rule reports), so the
    /// text authors read is written once, here, and a test can list every rule's message.
    /// </summary>
    string Message { get; }
}
