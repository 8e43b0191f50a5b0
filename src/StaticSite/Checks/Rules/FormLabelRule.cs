using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>
/// Screen readers announce a form field by its label; a field with none is read as "edit text".
/// A &lt;label for&gt; may come after its field, so fields are judged once the page is walked.
/// </summary>
public sealed class FormLabelRule : IPageRule
{
    private readonly HashSet<string> _labelled = new(StringComparer.Ordinal);
    private readonly List<(string Name, string? Id)> _unsure = [];

    public string Code => Codes.UnlabelledField;
    public Severity Severity => Severity.Error;
    public string Message => "<{0}> has no label: give it <label for> or aria-label";
    public IReadOnlyList<string> Elements => ["input", "select", "textarea", "label"];

    public void Visit(PageElement element, PageScan page)
    {
        if (element.LocalName == "label")
        {
            if (element.GetAttribute("for") is { } target)
            {
                _labelled.Add(target);
            }

            return;
        }

        // A hidden input is never shown, so it needs no label. HTML reads type="HIDDEN" as hidden too.
        if (element.LocalName == "input" && string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // A field inside a <label> is labelled by it.
        var insideLabel = element.Ancestors.Any(a => a.LocalName == "label");
        if (!insideLabel && !element.HasAttribute("aria-label") && !element.HasAttribute("aria-labelledby"))
        {
            _unsure.Add((element.LocalName, element.Id));
        }
    }

    public void End(PageScan page)
    {
        foreach (var (name, id) in _unsure)
        {
            if (id is not { Length: > 0 } || !_labelled.Contains(id))
            {
                page.Report(this, name);
            }
        }
    }
}
