using StaticSite.Output;
using StaticSite.Diagnostics;

namespace StaticSite.Content;

/// <summary>A file found in <c>input/</c>: its path as the walk reached it, and inside input/ with forward slashes.</summary>
/// <param name="Stamp">The file's size and modified time as the walk saw them; null for a file reached through a link.</param>
public sealed record InputFile(string FullPath, string Relative, FileStamp? Stamp = null);

/// <summary>
/// Lists the files of <c>input/</c> without ever leaving it. A symbolic link (file or folder) whose
/// target is outside <c>input/</c> is an error and is not published, as Jekyll's safe mode refuses
/// them: otherwise a link to <c>/etc/passwd</c> or a home folder would be copied to a public host.
/// A link to somewhere inside <c>input/</c> is followed, but never back into a folder that holds
/// it, so a loop cannot trap the walk. A folder that cannot be listed is an error naming it. Names
/// starting with <c>_</c> or <c>.</c> are private to authors: they are neither listed nor followed.
/// </summary>
public static class InputWalk
{
    /// <summary>Links within links are resolved this many times at most, as the operating system itself gives up on a loop.</summary>
    private const int MaxLinkHops = 40;

    public static IReadOnlyList<InputFile> Files(BuildContext context)
    {
        var files = new List<InputFile>();
        var root = context.InputDir;
        string rootReal;
        try
        {
            rootReal = RealPath(root);
        }
        catch (IOException e)
        {
            context.Diagnostics.Error(Codes.InputUnreadable, $"the input folder {InputText.WhyUnreadable(e)}", context.Display(root));
            return files;
        }

        // Each folder still to list, with the real paths of the folders above it: a link back to
        // one of them would lead round in a circle.
        var pending = new Stack<(string Full, string Relative, string Real, IReadOnlySet<string> Above)>();
        pending.Push((root, "", rootReal, new HashSet<string>(PathComparer)));
        while (pending.TryPop(out var folder))
        {
            var above = new HashSet<string>(folder.Above, PathComparer) { folder.Real };
            foreach (var entry in List(context, folder.Full))
            {
                if (entry.Name.StartsWith('_') || entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var relative = folder.Relative.Length == 0 ? entry.Name : folder.Relative + "/" + entry.Name;
                var (real, isFolder) = (Path.Combine(folder.Real, entry.Name), entry is DirectoryInfo);
                var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (isLink && entry.LinkTarget is { } target)
                {
                    if (Follow(context, entry, target, rootReal) is not { } resolved)
                    {
                        continue;
                    }

                    (real, isFolder) = resolved;
                    if (isFolder && above.Contains(real))
                    {
                        context.Diagnostics.Error(Codes.SymbolicLink, $"symbolic link to '{target}' leads back to a folder that holds it, so the walk would never end; remove the link", context.Display(entry.FullName));
                        continue;
                    }
                }

                if (isFolder)
                {
                    pending.Push((entry.FullName, relative, real, above));
                }
                else
                {
                    // Listing the folder read each file's size and time already: serve's rebuilds compare them, not a second look.
                    files.Add(new InputFile(entry.FullName, relative, !isLink && entry is FileInfo file ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks) : null));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// True when a file the build reads by name rather than by the walk (a folder's
    /// <c>_defaults.yml</c>, a data file) really lies inside <c>input/</c>: its words reach the
    /// pages, so a link out is refused just as the walk refuses one.
    /// </summary>
    public static bool IsInsideInput(BuildContext context, string fullPath)
    {
        var display = context.Display(fullPath);
        try
        {
            var real = RealPath(fullPath);
            if (IsInside(real, RealPath(context.InputDir)))
            {
                return true;
            }

            context.Diagnostics.Error(Codes.SymbolicLink, "this file is a symbolic link that leads outside input/, so it is not read; copy what it points to into input/ instead", display);
        }
        catch (IOException)
        {
            context.Diagnostics.Error(Codes.SymbolicLink, "this file is a symbolic link that goes round in a circle of links; remove it", display);
        }

        return false;
    }

    /// <summary>The real path and kind of a link's final target, or null (reported) when it must not or cannot be followed.</summary>
    private static (string Real, bool IsFolder)? Follow(BuildContext context, FileSystemInfo link, string target, string rootReal)
    {
        var display = context.Display(link.FullName);
        string real;
        try
        {
            real = RealPath(link.FullName);
        }
        catch (IOException)
        {
            context.Diagnostics.Error(Codes.SymbolicLink, $"symbolic link to '{target}' goes round in a circle of links; remove it", display);
            return null;
        }

        if (!IsInside(real, rootReal))
        {
            context.Diagnostics.Error(Codes.SymbolicLink,
                $"symbolic link to '{target}' leads outside input/, so it is not published; copy what it points to into input/ instead",
                display);
            return null;
        }

        if (Directory.Exists(real))
        {
            return (real, true);
        }

        if (File.Exists(real))
        {
            return (real, false);
        }

        context.Diagnostics.Error(Codes.SymbolicLink, $"symbolic link to '{target}' points to nothing: {context.Display(real)} does not exist", display);
        return null;
    }

    /// <summary>A folder's entries in name order; none, with an error naming the folder, when it cannot be listed.</summary>
    private static IEnumerable<FileSystemInfo> List(BuildContext context, string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(Codes.InputUnreadable, $"the folder {InputText.WhyUnreadable(e)}", context.Display(folder));
            return [];
        }
    }

    /// <summary>
    /// The path with every symbolic link in it resolved, whichever part of the path it is, so two
    /// paths to one place compare equal. .NET resolves a link only when it is the last part, and
    /// the operating system's realpath is not portable.
    /// </summary>
    /// <exception cref="IOException">The links go round in a circle.</exception>
    public static string RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.GetFullPath(path), ref hops);

        static string Resolve(string full, ref int hops)
        {
            var root = Path.GetPathRoot(full) ?? "";
            var current = root;
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(current, part);
                if (new FileInfo(next).LinkTarget is { } target)
                {
                    if (++hops > MaxLinkHops)
                    {
                        throw new IOException($"too many levels of symbolic links at {next}");
                    }

                    next = Resolve(Path.GetFullPath(target, current), ref hops);
                }

                current = next;
            }

            return current;
        }
    }

    // Windows and macOS file systems ignore case by default, so "Input" and "input" are one folder there.
    private static bool IgnoresCase => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private static StringComparer PathComparer => IgnoresCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool IsInside(string path, string folder) =>
        PathComparer.Equals(path, folder)
        || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
