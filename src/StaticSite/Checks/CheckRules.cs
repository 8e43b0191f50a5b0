using StaticSite.Checks.Rules;

namespace StaticSite.Checks;

/// <summary>
/// The one list of checks the final pages go through. Adding a check is one class in Rules/ and
/// one line here.
/// </summary>
public static class CheckRules
{
    /// <summary>
    /// A fresh set of every rule. Page rules keep one page's counts in their fields, so the walk
    /// asks for a new set for each page; the order is fixed, so every set lines up with the first.
    /// </summary>
    public static IReadOnlyList<ICheckRule> Create() =>
    [
        // Markdown rules, run on each page's Markdown while it is processed.
        new ScriptUrlRule(),

        // Page rules, fed by one walk of each page's DOM.
        new LangRule(),
        new TitleRule(),
        new OneH1Rule(),
        new MainLandmarkRule(),
        new HeadingOrderRule(),
        new ImageAltRule(),
        new EmptyLinkRule(),
        new FormLabelRule(),
        new DuplicateIdRule(),
        new InlineScriptRule(),
        new StyleElementRule(),
        new StyleAttributeRule(),
        new EventHandlerRule(),

        // Site rules, run once over the facts kept from every page.
        new OutsideBasePathRule(),
        new MissingTargetRule(),
        new BrokenFragmentRule(),
        new DuplicateTitleRule(),
    ];
}
