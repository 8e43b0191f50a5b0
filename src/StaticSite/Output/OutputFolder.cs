using StaticSite.Diagnostics;

namespace StaticSite.Output;

/// <summary>
/// The output folder, claimed for one build. Besides the folder itself the build owns two hidden
/// names beside it, made from its name: <c>.NAME.staticsite-next</c>, where the new site is built
/// whole before it is swapped in, and <c>.NAME.staticsite-lock</c>, held while a build runs so
/// two builds never write one site at once. Nothing else outside the folder is ever touched.
/// Claiming also puts right what a build killed part way left behind, so no one has to.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>Marks a folder as ours, so we never empty a folder of someone else's files.</summary>
    public const string Marker = ".staticsite-output";

    public const string MarkerText = "Made by StaticSite. Everything in this folder is replaced on each build.\n";

    private readonly FileStream _lock;

    private OutputFolder(string root, FileStream held)
    {
        Root = root;
        _lock = held;
    }

    /// <summary>The output folder's full path.</summary>
    public string Root { get; }

    /// <summary>Where the next site is built before it replaces <see cref="Root"/>.</summary>
    public string Next => Beside(Root, "next");

    /// <summary>Where the old site goes for a moment where the folders cannot be exchanged in one step.</summary>
    public string Old => Beside(Root, "old");

    public static string Beside(string root, string what) =>
        Path.Combine(Path.GetDirectoryName(root)!, $".{Path.GetFileName(root)}.staticsite-{what}");

    /// <summary>
    /// Refuses output folders where writing or deleting could destroy sources or someone else's
    /// files, takes the lock, and recovers from a build that was killed. Null (with an error
    /// reported) when the build must not go on.
    /// </summary>
    public static OutputFolder? Claim(BuildContext context)
    {
        var root = Normalise(context.OutputDir);
        var problem = ProblemWith(context, root);
        if (problem is not null)
        {
            context.Diagnostics.Error(Codes.OutputFolder, $"refusing to write the site to {context.Display(root)}: it {problem}");
            return null;
        }

        try
        {
            return Open(root);
        }
        catch (OutputBusyException)
        {
            context.Diagnostics.Error(Codes.OutputBusy, $"another build is writing to {context.Display(root)} now; wait for it to finish, then build again");
        }
        catch (ForeignFilesException e)
        {
            context.Diagnostics.Error(Codes.OutputFolder, $"refusing to remove {context.Display(e.Folder)}: it holds files that this generator did not write; move it away");
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            context.Diagnostics.Error(Codes.OutputWrite, $"cannot prepare {context.Display(root)} for writing: {e.Message}");
        }

        return null;
    }

    /// <summary>
    /// Takes the lock on a folder already found safe to write, and recovers from a build that was
    /// killed. Throws <see cref="OutputBusyException"/> while another build holds it.
    /// </summary>
    internal static OutputFolder Open(string root)
    {
        var lockPath = Beside(root, "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        FileStream held;
        try
        {
            // FileShare.None is an exclusive lock (flock on Unix), dropped by the OS if the process dies.
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new OutputBusyException();
        }

        var folder = new OutputFolder(root, held);
        try
        {
            folder.Recover();
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>True when a folder holds nothing, or holds our marker: it is ours to replace.</summary>
    public static bool IsOurs(string folder) =>
        !Directory.Exists(folder) || File.Exists(Path.Combine(folder, Marker)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// A build killed between the two renames of the fallback swap leaves no site at all: the old
    /// one goes back. A build killed while building the next site, or before deleting the old one,
    /// leaves a folder that is simply removed.
    /// </summary>
    private void Recover()
    {
        if (!Directory.Exists(Root) && Directory.Exists(Old))
        {
            Directory.Move(Old, Root);
        }

        foreach (var leftover in new[] { Next, Old }.Where(Directory.Exists))
        {
            if (!IsOurs(leftover))
            {
                throw new ForeignFilesException(leftover);
            }

            OutputTree.Delete(leftover);
        }
    }

    private static string? ProblemWith(BuildContext context, string output)
    {
        var protectedFolders = new (string Path, string What)[]
        {
            (Normalise(context.SiteRoot), "the site root"),
            (Normalise(context.InputDir), "the input folder"),
            (Normalise(context.ThemeDir), "the theme folder"),
        };
        foreach (var (path, what) in protectedFolders)
        {
            if (output == path)
            {
                return $"is {what}";
            }

            if (path.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return $"contains {what}";
            }
        }

        if (output.StartsWith(Normalise(context.InputDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "is inside the input folder";
        }

        if (output.Length == 0 || output == Path.GetPathRoot(output)?.TrimEnd(Path.DirectorySeparatorChar)
            || output == Normalise(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
        {
            return "is a system or home folder";
        }

        // The folder is replaced whole, so a link there would be swapped away, not written through.
        if (new DirectoryInfo(output) is { Exists: true, LinkTarget: not null } || (File.Exists(output) && !Directory.Exists(output)))
        {
            return "is a link or a file, not a folder; give the path of a real folder";
        }

        if (!IsOurs(output))
        {
            return $"already holds files that this generator did not write (no {Marker} file); empty it or choose another folder";
        }

        return null;
    }

    private static string Normalise(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
}

/// <summary>Another build holds the output folder's lock.</summary>
public sealed class OutputBusyException() : IOException("another build is writing to this output folder");

/// <summary>A folder the build would remove holds files it did not write.</summary>
public sealed class ForeignFilesException(string folder) : IOException($"{folder} holds files that this generator did not write")
{
    public string Folder { get; } = folder;
}
