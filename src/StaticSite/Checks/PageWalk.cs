using System.Runtime.CompilerServices;
using StaticSite.Diagnostics;

namespace StaticSite.Checks;

/// <summary>
/// Reads one page in a single walk of its elements: each element is visited once, and shown only to
/// the page rules that named its tag or one of its attributes, instead of one selector query per
/// rule. The dispatch tables are built once per build; each page gets fresh rule objects, so one
/// walk may run on every thread at once.
/// </summary>
internal sealed class PageWalk
{
    private readonly Dictionary<string, int[]> _byElement;
    private readonly Dictionary<string, int[]> _byAttribute;
    private readonly (string Prefix, int[] Rules)[] _byAttributePrefix;
    private readonly ReferenceResolver _resolver;

    public PageWalk(ReferenceResolver resolver)
    {
        _resolver = resolver;
        var rules = PageRulesOf(CheckRules.Create());
        _byElement = Table(rules, r => r.Elements);
        var attributes = Table(rules, r => r.Attributes);
        _byAttribute = attributes.Where(p => !p.Key.EndsWith('*')).ToDictionary(StringComparer.Ordinal);
        _byAttributePrefix = [.. attributes.Where(p => p.Key.EndsWith('*')).Select(p => (p.Key[..^1], p.Value))];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PageFacts Read(RenderedPage page, PageHtml html, DiagnosticBag diagnostics)
    {
        // Fresh rule objects for each page: their counts belong to this page alone. The list is
        // made by the same method as the one the tables were built from, so indexes agree.
        var rules = PageRulesOf(CheckRules.Create());
        var scan = new PageScan(page, html, diagnostics);
        var facts = new PageFactsReader(page, _resolver);

        // In document order, which is the order the elements were read in.
        foreach (var element in html.Elements)
        {
            if (element.Inert)
            {
                continue;
            }

            facts.Visit(element);
            if (_byElement.TryGetValue(element.LocalName, out var interested))
            {
                foreach (var index in interested)
                {
                    rules[index].Visit(element, scan);
                }
            }

            // By index: a foreach over the interface would box an enumerator for every element.
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Count; i++)
            {
                VisitAttribute(rules, element, attributes[i], scan, facts);
            }
        }

        foreach (var rule in rules)
        {
            rule.End(scan);
        }

        return facts.Build(scan.Title);
    }

    private void VisitAttribute(IPageRule[] rules, PageElement element, PageAttribute attribute, PageScan scan, PageFactsReader facts)
    {
        var name = attribute.Name;
        if (name == "id")
        {
            facts.Id(attribute.Value);
        }

        if (_byAttribute.TryGetValue(name, out var interested))
        {
            foreach (var index in interested)
            {
                rules[index].VisitAttribute(element, attribute, scan);
            }
        }

        foreach (var (prefix, prefixed) in _byAttributePrefix)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                foreach (var index in prefixed)
                {
                    rules[index].VisitAttribute(element, attribute, scan);
                }
            }
        }
    }

    private static IPageRule[] PageRulesOf(IReadOnlyList<ICheckRule> rules) => [.. rules.OfType<IPageRule>()];

    private static Dictionary<string, int[]> Table(IPageRule[] rules, Func<IPageRule, IReadOnlyList<string>> names) =>
        rules
            .SelectMany((rule, index) => names(rule).Select(name => (Name: name, Index: index)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray(), StringComparer.Ordinal);
}
