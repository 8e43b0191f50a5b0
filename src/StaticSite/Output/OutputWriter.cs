using System.Diagnostics;
using System.Globalization;
using System.IO.Enumeration;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using StaticSite.Diagnostics;

namespace StaticSite.Output;

/// <summary>
/// The write stage. It runs only after every check has passed, so a failed build never touches
/// the previous output. It writes each file atomically (temp file, then rename, inside the output
/// folder) and in parallel, leaves unchanged files alone, and removes files the new build no
/// longer makes. A manifest of hashes in the marker file tells it what is unchanged without
/// reading the old files back. It only ever writes or deletes inside the output folder, never
/// follows a link, and refuses a folder it did not create.
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

    /// <summary>
    /// Writes the site into <paramref name="outputDir"/>. Unchanged files are left alone (their
    /// modified time too), files no longer made are deleted, and the manifest in the marker file
    /// records what is now there, so the next build can tell what changed without reading it back.
    /// </summary>
    public static (int Written, int Unchanged, int Deleted) Write(string outputDir, IReadOnlyDictionary<string, OutputFile> files)
    {
        Directory.CreateDirectory(outputDir);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));

        // Every path is checked before anything is touched, so a bad one cannot leave a half-written site.
        var items = files.Select(f => new Item(f.Key, Inside(root, f.Key), f.Value)).ToArray();
        var tree = OutputTree.Walk(root);
        RefuseLinksOnTheWay(items, tree);
        var marker = Path.Combine(root, Marker);
        var (oldMarkerText, manifest) = Manifest.Read(marker);

        // Hashing (and, with no usable manifest, comparing) is independent per file.
        var plans = new Plan[items.Length];
        RunInParallel(items.Length, i => plans[i] = Decide(items[i], tree, manifest));

        var stale = tree.Files.Keys.Where(path => path != Marker && !files.ContainsKey(path)).Order(StringComparer.Ordinal).ToList();
        var kept = AncestorsOf(files.Keys.Concat(tree.Links));
        var emptied = tree.Directories.Where(dir => !kept.Contains(dir)).OrderByDescending(dir => dir.Length).ToList();
        var toWrite = Enumerable.Range(0, plans.Length).Where(i => plans[i].Written is null).ToArray();

        if (toWrite.Length > 0 || stale.Count > 0 || emptied.Count > 0)
        {
            // Mark the folder ours before the first change, and drop the old manifest: a build that
            // stops half way then leaves none, and the next one compares bytes instead of trusting it.
            WriteAtomically(root, marker, MarkerText);

            // Stale files go first, so a file may become a folder (or a folder a file) between builds.
            foreach (var path in stale)
            {
                File.Delete(Inside(root, path));
            }

            foreach (var dir in emptied)
            {
                try
                {
                    // Never recursive: a folder is removed only when the OS agrees it is empty. One we
                    // could not list (or that gained a file meanwhile) stays.
                    Directory.Delete(Inside(root, dir));
                }
                catch (IOException)
                {
                }
            }

            var folders = toWrite.Select(i => Path.GetDirectoryName(plans[i].Item.Target)!).Distinct(StringComparer.Ordinal);
            foreach (var folder in folders.Where(f => f != root && !tree.Directories.Contains(RelativePath(root, f))).Order(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            RunInParallel(toWrite.Length, n => plans[toWrite[n]] = plans[toWrite[n]] with { Written = WriteFile(plans[toWrite[n]].Item) });
        }

        var newMarkerText = MarkerText + Manifest.Format(plans.Select(p => new ManifestEntry(p.Item.Path, p.Hash, p.Written ?? throw new UnreachableException(), p.Source)));
        if (newMarkerText != oldMarkerText)
        {
            // Last, once every file is in place: the manifest describes a finished build.
            WriteAtomically(root, marker, newMarkerText);
        }

        return (toWrite.Length, plans.Length - toWrite.Length, stale.Count);
    }

    private const string MarkerText = "Made by StaticSite. Everything in this folder is replaced on each build.\n";

    /// <summary>One file to write: its output path, where that is on disk, and what goes there.</summary>
    private sealed record Item(string Path, string Target, OutputFile File);

    /// <summary>
    /// What the build decided for one file. <see cref="Written"/> is the file's size and modified
    /// time on disk once it is in place: known already for an unchanged file, null until written.
    /// </summary>
    private sealed record Plan(Item Item, string Hash, Stamp? Source, Stamp? Written);

    /// <summary>
    /// A file's size and modified time (UTC ticks): cheap to read, and changed by any write. A class
    /// rather than a struct, so the dictionaries and enumerators over it use the runtime's
    /// precompiled code for reference types; a one-off build would otherwise wait for the JIT and run
    /// its hot loops unoptimised.
    /// </summary>
    private sealed record Stamp(long Length, long Ticks)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return new Stamp(info.Length, info.LastWriteTimeUtc.Ticks);
        }
    }

    /// <summary>
    /// Leaves a file alone when it is already right. A manifest entry whose size and modified time
    /// still match the file on disk says what is in it, so its hash is enough and the old file is
    /// never read. Without one (first build, a file edited by hand, an unreadable manifest) the
    /// bytes are compared, as before the manifest existed.
    /// </summary>
    private static Plan Decide(Item item, OutputTree tree, Manifest? manifest)
    {
        var entry = manifest?.Entries.GetValueOrDefault(item.Path);
        string hash;
        Stamp? source = null;
        long length;
        switch (item.File)
        {
            case OutputFile.Made made:
                hash = Convert.ToHexStringLower(SHA256.HashData(made.Bytes));
                length = made.Bytes.Length;
                break;
            case OutputFile.Copied copied:
                // A source whose size and time are as recorded is taken to be unchanged, so an
                // unchanged image is not read at all; a touched one is hashed (streamed) to find out.
                source = Stamp.Of(copied.SourcePath);
                hash = entry is not null && entry.Source == source ? entry.Hash : HashFile(copied.SourcePath);
                length = source.Length;
                break;
            default:
                throw new UnreachableException();
        }

        if (!tree.Files.TryGetValue(item.Path, out var onDisk) || onDisk.Length != length)
        {
            return new Plan(item, hash, source, null);
        }

        var same = entry is not null && entry.Written == onDisk
            ? entry.Hash == hash
            : SameContents(item, length);
        return new Plan(item, hash, source, same ? onDisk : null);
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The comparison used when there is no manifest to trust; lengths are already equal.</summary>
    private static bool SameContents(Item item, long length)
    {
        if (item.File is OutputFile.Made made)
        {
            return File.ReadAllBytes(item.Target).AsSpan().SequenceEqual(made.Bytes);
        }

        using var left = new FileStream(((OutputFile.Copied)item.File).SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var right = new FileStream(item.Target, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
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

    /// <summary>
    /// Temp file, then rename, inside the output folder: a reader (or a preview server) sees the old
    /// file or the new one, never half of one. Static files are streamed, never held whole.
    /// </summary>
    private static Stamp WriteFile(Item item)
    {
        var temp = item.Target + ".tmp-" + Environment.ProcessId;
        switch (item.File)
        {
            case OutputFile.Made made:
                File.WriteAllBytes(temp, made.Bytes);
                break;
            case OutputFile.Copied copied:
                // A stream copy rather than File.Copy, which would also copy the source's permissions.
                using (var from = new FileStream(copied.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                using (var to = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
                {
                    from.CopyTo(to, 81920);
                }

                break;
            default:
                throw new UnreachableException();
        }

        File.Move(temp, item.Target, overwrite: true);
        return Stamp.Of(item.Target);
    }

    private static void WriteAtomically(string root, string target, string text)
    {
        var temp = Inside(root, Path.GetFileName(target) + ".tmp-" + Environment.ProcessId);
        File.WriteAllText(temp, text);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>
    /// Writing "a/b.html" when "a" is a link would write wherever the link points, outside the
    /// output folder. Such a link is not ours to remove, so the build stops instead.
    /// </summary>
    private static void RefuseLinksOnTheWay(IEnumerable<Item> items, OutputTree tree)
    {
        if (tree.Links.Count == 0)
        {
            return;
        }

        foreach (var item in items)
        {
            for (var slash = item.Path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = item.Path.IndexOf('/', slash + 1))
            {
                if (tree.Links.Contains(item.Path[..slash]))
                {
                    throw new InvalidOperationException($"refusing to write {item.Target}: {item.Path[..slash]} in the output folder is a link");
                }
            }
        }
    }

    /// <summary>Every folder that still holds something: the parents of each given path.</summary>
    private static HashSet<string> AncestorsOf(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0 && folders.Add(path[..slash]); slash = path.LastIndexOf('/', slash - 1))
            {
            }
        }

        return folders;
    }

    private static string RelativePath(string root, string full) => full[(root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// Bounded by the processor count, as the issue asks; with exceptions unwrapped, so a failed
    /// write reports its own IOException as it did when writing was sequential.
    /// </summary>
    private static void RunInParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
    }

    /// <summary>
    /// What is in the output folder, from one walk: files with their size and time, folders, and
    /// links. Links are listed but never followed, so nothing outside the folder is ever seen,
    /// deleted or written through.
    /// </summary>
    private sealed record OutputTree(IReadOnlyDictionary<string, Stamp> Files, IReadOnlySet<string> Directories, IReadOnlySet<string> Links)
    {
        private enum Kind
        {
            File,
            Directory,
            Link,
        }

        /// <summary>A class, not a tuple, for the same reason as <see cref="Stamp"/>: the enumerator over it is precompiled.</summary>
        private sealed record Entry(string Path, Kind Kind, Stamp Stamp);

        public static OutputTree Walk(string root)
        {
            // No attributes skipped: the default would skip dot-files, which we must also clean.
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            var entries = new FileSystemEnumerable<Entry>(
                root,
                (ref FileSystemEntry entry) => new Entry(
                    RelativePath(root, entry.ToFullPath()),
                    (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? Kind.Link : entry.IsDirectory ? Kind.Directory : Kind.File,
                    new Stamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
                options)
            {
                ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            };

            var files = new Dictionary<string, Stamp>(StringComparer.Ordinal);
            var directories = new HashSet<string>(StringComparer.Ordinal);
            var links = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, kind, stamp) in entries)
            {
                _ = kind switch
                {
                    Kind.File => files.TryAdd(path, stamp),
                    Kind.Directory => directories.Add(path),
                    _ => links.Add(path),
                };
            }

            return new OutputTree(files, directories, links);
        }
    }

    /// <summary>
    /// One manifest line: an output file's hash, its size and time on disk, and, for a copied file,
    /// its source's size and time.
    /// </summary>
    private sealed record ManifestEntry(string Path, string Hash, Stamp Written, Stamp? Source);

    /// <summary>
    /// What the last build left in the folder, kept in the marker file after its first line. Any
    /// doubt (no header, a line that does not parse) means no manifest, and bytes are compared.
    /// </summary>
    private sealed record Manifest(IReadOnlyDictionary<string, ManifestEntry> Entries)
    {
        private const string Header = "# manifest 1: sha256, length, modified ticks, source length, source modified ticks, path\n";

        public static (string? Text, Manifest? Manifest) Read(string marker)
        {
            string text;
            try
            {
                text = File.ReadAllText(marker);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, null);
            }

            if (!text.StartsWith(MarkerText + Header, StringComparison.Ordinal))
            {
                return (text, null);
            }

            var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            foreach (var line in text[(MarkerText.Length + Header.Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t', 6);
                if (fields.Length != 6
                    || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var length)
                    || !long.TryParse(fields[2], CultureInfo.InvariantCulture, out var ticks)
                    || !TryParseSource(fields[3], fields[4], out var source)
                    || !entries.TryAdd(fields[5], new ManifestEntry(fields[5], fields[0], new Stamp(length, ticks), source)))
                {
                    return (text, null);
                }
            }

            return (text, new Manifest(entries));
        }

        public static string Format(IEnumerable<ManifestEntry> entries)
        {
            var text = new StringBuilder(Header);
            // A path with a line break cannot be recorded; it is compared by bytes next time instead.
            foreach (var entry in entries.Where(e => e.Path.IndexOfAny(['\n', '\r']) < 0))
            {
                text.Append(CultureInfo.InvariantCulture, $"{entry.Hash}\t{entry.Written.Length}\t{entry.Written.Ticks}\t");
                text.Append(entry.Source is { } source ? string.Create(CultureInfo.InvariantCulture, $"{source.Length}\t{source.Ticks}") : "-\t-");
                text.Append('\t').Append(entry.Path).Append('\n');
            }

            return text.ToString();
        }

        private static bool TryParseSource(string length, string ticks, out Stamp? source)
        {
            source = null;
            if (length == "-" && ticks == "-")
            {
                return true;
            }

            if (long.TryParse(length, CultureInfo.InvariantCulture, out var l) && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t))
            {
                source = new Stamp(l, t);
                return true;
            }

            return false;
        }
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
