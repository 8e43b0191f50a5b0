using System.Diagnostics;
using StaticSite.Diagnostics;

namespace StaticSite.Output;

/// <summary>
/// The write stage. It runs only after every check has passed, so a failed build never touches
/// the previous output. It writes each file atomically (temp file, then rename, inside the output
/// folder), leaves unchanged files alone, and removes files the new build no longer makes. It only
/// ever writes or deletes inside the output folder, and refuses one it did not create.
/// </summary>
public static class OutputWriter
{
    /// <summary>Marks a folder as ours, so we never empty a folder of someone else's files.</summary>
    public const string Marker = ".staticsite-output";

    /// <summary>Refuses output folders where writing or deleting could destroy sources.</summary>
    public static bool CheckOutputFolder(BuildContext context)
    {
        var output = Normalise(context.OutputDir);
        var protectedFolders = new (string Path, string What)[]
        {
            (Normalise(context.SiteRoot), "the site root"),
            (Normalise(context.InputDir), "the input folder"),
            (Normalise(context.ThemeDir), "the theme folder"),
        };
        string? problem = null;
        foreach (var (path, what) in protectedFolders)
        {
            if (output == path)
            {
                problem ??= $"is {what}";
            }
            else if (path.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problem ??= $"contains {what}";
            }
        }

        if (output.StartsWith(Normalise(context.InputDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem ??= "is inside the input folder";
        }

        if (output.Length == 0 || output == Path.GetPathRoot(output)?.TrimEnd(Path.DirectorySeparatorChar)
            || output == Normalise(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
        {
            problem ??= "is a system or home folder";
        }

        if (problem is null && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(Path.Combine(output, Marker)))
        {
            problem = $"already holds files that this generator did not write (no {Marker} file); empty it or choose another folder";
        }

        if (problem is not null)
        {
            context.Diagnostics.Error(Codes.OutputFolder, $"refusing to write the site to {context.Display(output)}: it {problem}");
            return false;
        }

        return true;
    }

    private static string Normalise(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);

    public static (int Written, int Unchanged, int Deleted) Write(string outputDir, IReadOnlyDictionary<string, OutputFile> files)
    {
        Directory.CreateDirectory(outputDir);
        var root = Path.GetFullPath(outputDir);
        int written = 0, unchanged = 0, deleted = 0;
        var wanted = new HashSet<string>(StringComparer.Ordinal) { Marker };
        File.WriteAllText(Path.Combine(root, Marker), "Made by StaticSite. Everything in this folder is replaced on each build.\n");

        foreach (var (relative, file) in files)
        {
            var target = Inside(root, relative);
            wanted.Add(relative);
            if (File.Exists(target) && SameContents(file, target))
            {
                unchanged++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + ".tmp-" + Environment.ProcessId;
            switch (file)
            {
                case OutputFile.Made made:
                    File.WriteAllBytes(temp, made.Bytes);
                    break;
                case OutputFile.Copied copied:
                    // A stream copy, never the whole file in memory; and not File.Copy, which would
                    // also copy the source's permissions.
                    using (var from = new FileStream(copied.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                    using (var to = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
                    {
                        from.CopyTo(to, 81920);
                    }

                    break;
                default:
                    throw new UnreachableException();
            }

            File.Move(temp, target, overwrite: true);
            written++;
        }

        // Links are skipped, never followed: a symlink inside the output must not lead deletion out of it.
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(root, "*", walk).ToList())
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!wanted.Contains(relative))
            {
                File.Delete(Inside(root, relative));
                deleted++;
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(root, "*", walk).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return (written, unchanged, deleted);
    }

    /// <summary>Whether the file on disk already holds these bytes; a static file is compared a block at a time.</summary>
    private static bool SameContents(OutputFile file, string target)
    {
        if (file is OutputFile.Made made)
        {
            return new FileInfo(target).Length == made.Bytes.Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(made.Bytes);
        }

        var source = ((OutputFile.Copied)file).SourcePath;
        var length = new FileInfo(source).Length;
        if (new FileInfo(target).Length != length)
        {
            return false;
        }

        using var left = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var right = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var a = new byte[81920];
        var b = new byte[a.Length];
        for (long done = 0; done < length;)
        {
            var count = (int)Math.Min(a.Length, length - done);
            left.ReadExactly(a, 0, count);
            right.ReadExactly(b, 0, count);
            if (!a.AsSpan(0, count).SequenceEqual(b.AsSpan(0, count)))
            {
                return false;
            }

            done += count;
        }

        return true;
    }

    /// <summary>Every path we touch is checked to be inside the output folder, whatever its name says.</summary>
    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to touch {full}: outside the output folder");
        }

        return full;
    }
}
