namespace StaticSite.Output;

/// <summary>
/// Where a build's files go until every check has passed, and what puts them in place once they
/// have: <see cref="StagedSite"/> (a whole new site beside the old one, swapped in by one rename)
/// or, between the builds of one <c>serve</c>, <see cref="InPlaceSite"/> (only the changed files).
/// </summary>
public interface INextSite : IDisposable
{
    /// <summary>Puts bytes the build made at <paramref name="path"/> (relative, with forward slashes). Safe to call from many threads.</summary>
    ManifestEntry Put(string path, byte[] bytes);

    /// <summary>Puts a file of the site, made or copied from disk. Safe to call from many threads.</summary>
    ManifestEntry Put(string path, OutputFile file);

    /// <summary>Puts the site in place; <paramref name="entries"/> are every file it has.</summary>
    void Commit(IReadOnlyCollection<ManifestEntry> entries);

    /// <summary>What is on disk once committed, for the next build of the same <c>serve</c> to start from.</summary>
    WrittenSite? Written { get; }

    /// <summary>Removes what the build left beside or inside the output that the site no longer needs; throws on an I/O failure.</summary>
    void RemoveLeftovers();
}
