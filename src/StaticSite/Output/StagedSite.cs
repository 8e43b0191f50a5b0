using System.Diagnostics;
using StaticSite.Images;

namespace StaticSite.Output;

/// <summary>
/// The next version of the site, built whole in a folder beside the output and then swapped in
/// for the old one in one step (<see cref="TreeSwap"/>), so readers, a preview server or a build
/// killed at any moment see either the whole old site or the whole new one. Pages are put here as
/// they are rendered, so their bytes are not held until the end. A file that the last build
/// already wrote with the same contents joins the new site as a hard link to the old file, so it
/// is neither written nor read again: the manifest of hashes in the marker file says which those
/// are. If the build fails, the folder is removed and the old site is untouched.
/// </summary>
public sealed class StagedSite : INextSite
{
    private readonly OutputFolder _folder;
    private readonly OutputTree _old;
    private readonly OutputManifest? _manifest;
    private int _written;
    private int _reused;
    private bool _committed;
    private string? _replaced;

    private StagedSite(OutputFolder folder, OutputTree old, OutputManifest? manifest)
    {
        _folder = folder;
        _old = old;
        _manifest = manifest;
    }

    /// <summary>Starts the next site beside the current one, marked as ours from its first moment.</summary>
    public static StagedSite Begin(OutputFolder folder)
    {
        var old = OutputTree.Walk(folder.Root);
        var manifest = old.Files.ContainsKey(OutputFolder.Marker) ? OutputManifest.Read(Path.Combine(folder.Root, OutputFolder.Marker)) : null;
        Directory.CreateDirectory(folder.Next);
        File.WriteAllText(Path.Combine(folder.Next, OutputFolder.Marker), OutputFolder.MarkerText);
        return new StagedSite(folder, old, manifest);
    }

    /// <summary>Puts bytes the build made at <paramref name="path"/> (relative, with forward slashes). Safe to call from many threads.</summary>
    public ManifestEntry Put(string path, byte[] bytes)
    {
        var target = Target(path);
        var hash = OutputManifest.HashOf(bytes);
        if (Reuse(path, hash, target, bytes.Length, () => File.ReadAllBytes(OldPath(path)).AsSpan().SequenceEqual(bytes)) is { } reused)
        {
            return new ManifestEntry(path, hash, reused, null);
        }

        File.WriteAllBytes(target, bytes);
        Interlocked.Increment(ref _written);
        return new ManifestEntry(path, hash, FileStamp.Of(target), null);
    }

    /// <summary>Puts a file of the site, made or copied from disk. Safe to call from many threads.</summary>
    public ManifestEntry Put(string path, OutputFile file) => file switch
    {
        OutputFile.Made made => Put(path, made.Bytes),
        OutputFile.OnDisk onDisk => Copy(path, onDisk.FullPath),
        OutputFile.Resized resized => Resize(path, resized.Copy),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// Records what is in the new site, swaps it in for the old one and removes the old one. Counts
    /// files written, files carried over unchanged, and old files the new site no longer has.
    /// </summary>
    public WrittenSite? Written { get; private set; }

    void INextSite.Commit(IReadOnlyCollection<ManifestEntry> entries) => Commit(entries);

    public (int Written, int Unchanged, int Deleted) Commit(IReadOnlyCollection<ManifestEntry> entries)
    {
        // The manifest last, once every file is in place: it describes a finished site. When
        // nothing changed it is the old one, kept as it was, so an unchanged site is not touched.
        var marker = Path.Combine(_folder.Next, OutputFolder.Marker);
        var text = OutputManifest.Format(entries);
        File.WriteAllText(marker, text);
        // (Linked under another name first, then renamed over: the folder is never without a marker.)
        var linked = marker + ".old";
        if (_manifest is not null && File.ReadAllText(OldPath(OutputFolder.Marker)) == text && HardLink.TryCreate(OldPath(OutputFolder.Marker), linked))
        {
            File.Move(linked, marker, overwrite: true);
        }

        var paths = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = _old.Files.Keys.Count(p => p != OutputFolder.Marker && !paths.Contains(p));
        _replaced = TreeSwap.Replace(_folder.Root, _folder.Next, _folder.Old);
        _committed = true;
        Written = new WrittenSite(_folder.Root, FileStamp.Of(Path.Combine(_folder.Root, OutputFolder.Marker)),
            entries.ToDictionary(e => e.Path, e => (e, (byte[]?)null), StringComparer.Ordinal));
        return (_written, _reused, deleted);
    }

    /// <summary>
    /// Removes the old site once the new one is in place (or, for a build that did not commit, its
    /// half-built site). Throws on an I/O failure; what is left is removed by the next build's claim.
    /// </summary>
    public void RemoveLeftovers()
    {
        var leftover = _committed ? _replaced : _folder.Next;
        if (leftover is not null && Directory.Exists(leftover))
        {
            OutputTree.Delete(leftover);
        }
    }

    /// <summary>A build that did not commit leaves no trace, as far as the disk allows.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            try
            {
                RemoveLeftovers();
            }
            catch (Exception e) when (FileFailure.Is(e))
            {
                // The failure that stopped the build is already reported; the next build removes this.
            }
        }
    }

    /// <summary>
    /// A static file is copied from disk, hashing as it goes. When its source has the size and time
    /// the manifest recorded, and the old copy is as it was written, it is reused without reading it.
    /// </summary>
    private ManifestEntry Copy(string path, string source)
    {
        var target = Target(path);
        var sourceStamp = FileStamp.Of(source);
        var entry = _manifest?.Entries.GetValueOrDefault(path);
        if (entry is not null && entry.Source == sourceStamp && Reuse(path, entry.Hash, target, sourceStamp.Length, () => false) is { } unchanged)
        {
            return entry with { Written = unchanged };
        }

        var hash = OutputManifest.HashOfFile(source);
        if (Reuse(path, hash, target, sourceStamp.Length, () => SameFiles(source, OldPath(path), sourceStamp.Length)) is { } same)
        {
            return new ManifestEntry(path, hash, same, sourceStamp);
        }

        // A stream copy rather than File.Copy, which would also copy the source's permissions.
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        using (var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
        {
            from.CopyTo(to, 81920);
        }

        Interlocked.Increment(ref _written);
        return new ManifestEntry(path, hash, FileStamp.Of(target), sourceStamp);
    }

    /// <summary>
    /// A smaller copy of an image. Its name holds a hash of its source and of how copies are made,
    /// so an old file of the same name that is as the last build wrote it holds these very bytes:
    /// it is reused without resizing again, which is what keeps rebuilds of image-heavy sites fast.
    /// </summary>
    private ManifestEntry Resize(string path, ImageVariant copy)
    {
        var target = Target(path);
        var entry = _manifest?.Entries.GetValueOrDefault(path);
        if (entry is not null && Reuse(path, entry.Hash, target, entry.Written.Length, () => false) is { } unchanged)
        {
            return entry with { Written = unchanged };
        }

        return Put(path, RasterImages.Resize(copy));
    }

    /// <summary>
    /// Links the old file into the new site when it already holds these contents: known from the
    /// manifest when the file is as the last build left it, or, with no manifest to trust (first
    /// build after an upgrade, a file edited by hand), by <paramref name="sameBytes"/>.
    /// </summary>
    private FileStamp? Reuse(string path, string hash, string target, long length, Func<bool> sameBytes)
    {
        if (!_old.Files.TryGetValue(path, out var onDisk) || onDisk.Length != length)
        {
            return null;
        }

        var entry = _manifest?.Entries.GetValueOrDefault(path);
        var same = entry is not null && entry.Written == onDisk ? entry.Hash == hash : sameBytes();
        if (!same || !HardLink.TryCreate(OldPath(path), target))
        {
            return null;
        }

        Interlocked.Increment(ref _reused);
        return onDisk;
    }

    private string OldPath(string path) => Path.Combine(_folder.Root, path);

    /// <summary>The path's place in the new site, its folder made; checked to stay inside it, whatever the name says.</summary>
    private string Target(string path)
    {
        var root = _folder.Next;
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write {path}: outside the output folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private static bool SameFiles(string a, string b, long length)
    {
        using var left = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var right = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var x = new byte[81920];
        var y = new byte[x.Length];
        for (long done = 0; done < length;)
        {
            var count = (int)Math.Min(x.Length, length - done);
            left.ReadExactly(x, 0, count);
            right.ReadExactly(y, 0, count);
            if (!x.AsSpan(0, count).SequenceEqual(y.AsSpan(0, count)))
            {
                return false;
            }

            done += count;
        }

        return true;
    }
}
