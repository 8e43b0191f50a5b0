using StaticSite.Diagnostics;

namespace StaticSite.Output;

/// <summary>
/// The write stage: once every check has passed, the files that are not pages (pages were put in
/// the next site as they were rendered) join it, and the next site replaces the old one whole. A
/// file that cannot be written (a full disk, a locked or read-only file) is an error naming it,
/// and the old site stays as it was.
/// </summary>
public static class WriteStage
{
    /// <summary>Puts every file not yet in the next site there, in parallel, then swaps it in.</summary>
    public static bool Run(BuildContext context, INextSite next, IReadOnlyDictionary<string, OutputFile> files, IReadOnlyCollection<ManifestEntry> pages)
    {
        var written = pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var rest = files.Where(f => !written.Contains(f.Key)).ToArray();
        var entries = new ManifestEntry?[rest.Length];
        Parallel.For(0, rest.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => entries[i] = Put(context, next, rest[i].Key, rest[i].Value));
        if (context.Diagnostics.HasErrors)
        {
            return false;
        }

        try
        {
            next.Commit([.. pages, .. entries.Select(e => e!)]);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            context.Diagnostics.Error(Codes.OutputWrite, $"could not put the new site in place: {e.Message}", context.Display(context.OutputDir));
            return false;
        }

        try
        {
            next.RemoveLeftovers();
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            // The new site is in place, so the build succeeded; the old one is only in the way.
            context.Diagnostics.Warning(Codes.OutputWrite, $"could not remove the previous site after replacing it ({e.Message}); the next build removes it", context.Display(context.OutputDir));
        }

        return true;
    }

    /// <summary>One file into the next site; an I/O failure becomes an error on that file, never an exception.</summary>
    public static ManifestEntry? Put(BuildContext context, INextSite next, string path, byte[] bytes) =>
        Put(context, next, path, new OutputFile.Made(bytes));

    private static ManifestEntry? Put(BuildContext context, INextSite next, string path, OutputFile file)
    {
        try
        {
            return next.Put(path, file);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            context.Diagnostics.Error(Codes.OutputWrite, $"could not write {path}: {e.Message}", context.Display(Path.Combine(context.OutputDir, path)));
            return null;
        }
    }
}
