namespace StaticSite.Diagnostics;

/// <summary>
/// Every diagnostic code in one place, so authors can search for one and tests can assert on it.
/// </summary>
public static class Codes
{
    // Site configuration and the command line
    public const string Config = "SS001";
    public const string OutputFolder = "SS002";
    public const string InputMissing = "SS003";
    public const string PreviewHeaders = "SS005";
    public const string Crash = "SS006";
    public const string OutputBusy = "SS010";
    public const string OutputWrite = "SS011";

    /// <summary>Something went wrong inside the generator while handling one file: a fault to report, never the author's.</summary>
    public const string PageFailed = "SS005";

    // Reading input/
    public const string InputUnreadable = "IN001";
    public const string InvalidEncoding = "IN002";
    public const string SymbolicLink = "IN003";

    // Front matter
    public const string YamlSyntax = "FM001";
    public const string UnknownKey = "FM002";
    public const string MissingKey = "FM003";
    public const string BadValue = "FM004";
    public const string UnknownLayout = "FM005";
    public const string ReviewOverdue = "FM006";

    /// <summary>A taxonomy term (front matter <c>activity: [...]</c>) that site.yml does not declare.</summary>
    public const string UnknownTerm = "FM007";

    // Site structure
    public const string DuplicateUrl = "URL001";
    public const string AliasCollision = "URL002";
    public const string BadAlias = "URL003";

    // Content
    public const string BrokenLink = "LINK001";
    public const string BrokenFragment = "LINK002";
    public const string BrokenRelated = "LINK003";
    public const string ScriptUrl = "LINK004";
    public const string HeadingSkip = "HEAD001";
    public const string HeadingH1 = "HEAD002";
    public const string ImageAlt = "IMG001";
    public const string AltText = "IMG002";
    public const string ImageUnreadable = "IMG003";
    public const string DuplicateId = "ID001";
    public const string InlineCode = "CSP001";
    public const string EmptyLink = "A11Y001";
    public const string UnlabelledField = "A11Y002";

    public const string NestedTooDeeply = "MD001";

    // Components
    public const string UnknownComponent = "COMP001";
    public const string ComponentUnclosed = "COMP002";
    public const string ComponentNeedsTitle = "COMP003";
    public const string ComponentNeedsList = "COMP004";
    public const string UnknownCareLevel = "COMP005";
    public const string TextAfterCard = "COMP006";
    public const string FigureNeedsImage = "COMP007";
    public const string FigureNeedsCaption = "COMP008";

    // Templates and final pages
    public const string Template = "TPL001";
    public const string PageStructure = "PAGE001";
    public const string DuplicateTitle = "PAGE002";

    // Readability and plain English
    public const string Readability = "READ001";
    public const string LongSentence = "READ002";
    public const string UsSpelling = "READ003";

    // Glossary
    public const string GlossaryEntry = "GLOS001";
    public const string GlossaryDuplicate = "GLOS002";
    public const string GlossaryUnused = "GLOS003";

    // Taxonomies
    public const string TermUnused = "TAX001";
}
