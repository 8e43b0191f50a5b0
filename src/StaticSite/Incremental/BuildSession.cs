namespace StaticSite.Incremental;

/// <summary>
/// Builds one site again and again, as <c>serve</c> does, keeping what each build worked out
/// (each file read, each page processed and rendered) by the hash of what it was made from, so
/// the next build redoes only what a change touched. Every build's result is byte for byte what a
/// cold build of the same input gives: the cache is only ever asked "have I made this from exactly
/// these inputs before?".
/// </summary>
public sealed class BuildSession(BuildOptions options)
{
    public BuildOptions Options { get; } = options;

    /// <summary>What the builds so far made; its memos say what the last build made afresh and what it reused.</summary>
    public BuildCache Cache { get; } = new();

    /// <summary>
    /// Builds the site. <paramref name="changedFiles"/> are the files under input/ and theme/ that
    /// changed since the last build, as the watcher saw them; they are read again whatever their
    /// stamps say. Files not named are checked by their length and modified time.
    /// </summary>
    public BuildResult Build(IReadOnlyCollection<string> changedFiles)
    {
        Cache.NoteChanged(changedFiles);
        return Site.Build(Options, Cache);
    }
}
