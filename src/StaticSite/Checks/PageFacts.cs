namespace StaticSite.Checks;

/// <summary>Whether a reference's path leads to a file the build makes.</summary>
public enum Reach
{
    /// <summary>It leads to a page or file of the site (or only to a fragment of its own page).</summary>
    File,

    /// <summary>It leaves the folder the site is served under, or climbs above the root.</summary>
    OutsideBasePath,

    /// <summary>It stays inside the site, but the build makes nothing at <see cref="PageReference.TargetFile"/>.</summary>
    Nowhere,
}

/// <summary>
/// One internal URL a page points at (href, src or a srcset candidate), resolved while the page
/// was read. Line and Column are the Markdown link it was written as, or 0 when it came from the
/// layout or raw HTML.
/// </summary>
/// <param name="TargetFile">The output file the path leads to (the page itself for "#fragment"); for <see cref="Reach.Nowhere"/>, the file that was looked for; empty when outside the base path.</param>
public sealed record PageReference(string Attribute, string Value, Reach Reach, string TargetFile, string? Fragment, int Line, int Column)
{
    public bool FromMarkdown => Line > 0;
}

/// <summary>
/// What the site rules need from one page, kept as strings once its DOM is gone: holding an
/// element would keep the page's whole DOM alive until the check stage ends.
/// </summary>
/// <param name="References">The references a site rule must still look at: those that name a fragment, and those that reach no file.</param>
/// <param name="SendsReaderOn">A redirect page (meta refresh): never shown or indexed, so its title is nobody else's.</param>
public sealed record PageFacts(
    string OutputPath,
    string SourceDisplayPath,
    string Title,
    bool SendsReaderOn,
    IReadOnlySet<string> Ids,
    IReadOnlyList<PageReference> References);
