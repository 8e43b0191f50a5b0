using System.IO.Enumeration;

namespace StaticSite.Output;

/// <summary>
/// What is in a folder the build owns, from one walk: files with their size and time, folders, and
/// links. Links are listed but never followed, so nothing outside the folder is ever seen,
/// deleted or written through.
/// </summary>
public sealed record OutputTree(IReadOnlyDictionary<string, FileStamp> Files, IReadOnlyList<string> Directories, IReadOnlyList<string> Links)
{
    public static readonly OutputTree Empty = new(new Dictionary<string, FileStamp>(), [], []);

    private enum Kind
    {
        File,
        Directory,
        Link,
    }

    /// <summary>A class, not a tuple, for the same reason as <see cref="FileStamp"/>: the enumerator over it is precompiled.</summary>
    private sealed record Entry(string Path, Kind Kind, FileStamp Stamp);

    /// <summary>The tree under <paramref name="root"/>, by paths relative to it with forward slashes; empty if there is none.</summary>
    public static OutputTree Walk(string root)
    {
        if (!Directory.Exists(root))
        {
            return Empty;
        }

        // No attributes skipped: the default would skip dot-files, which we must also see.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<Entry>(
            root,
            (ref FileSystemEntry entry) => new Entry(
                RelativePath(root, entry.ToFullPath()),
                (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? Kind.Link : entry.IsDirectory ? Kind.Directory : Kind.File,
                new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var directories = new List<string>();
        var links = new List<string>();
        foreach (var (path, kind, stamp) in entries)
        {
            switch (kind)
            {
                case Kind.File:
                    files.TryAdd(path, stamp);
                    break;
                case Kind.Directory:
                    directories.Add(path);
                    break;
                default:
                    links.Add(path);
                    break;
            }
        }

        return new OutputTree(files, directories, links);
    }

    /// <summary>
    /// Removes the whole tree under <paramref name="root"/> (a folder the build owns): files and
    /// links (a link is removed itself, never followed), then folders, deepest first. The marker
    /// goes last, so a removal cut short still leaves a folder that says it is ours.
    /// </summary>
    public static void Delete(string root)
    {
        var tree = Walk(root);
        Parallel.ForEach(tree.Files.Keys.Where(p => p != OutputFolder.Marker), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            path => File.Delete(Path.Combine(root, path)));
        foreach (var link in tree.Links)
        {
            DeleteLink(Path.Combine(root, link));
        }

        foreach (var dir in tree.Directories.OrderByDescending(d => d.Length))
        {
            Directory.Delete(Path.Combine(root, dir));
        }

        File.Delete(Path.Combine(root, OutputFolder.Marker));
        Directory.Delete(root);
    }

    /// <summary>Unix removes any link with unlink; Windows wants a folder link removed as a folder (which removes only the link).</summary>
    private static void DeleteLink(string path)
    {
        if (OperatingSystem.IsWindows() && Directory.Exists(path))
        {
            Directory.Delete(path);
        }
        else
        {
            File.Delete(path);
        }
    }

    private static string RelativePath(string root, string full) => full[(root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
}
