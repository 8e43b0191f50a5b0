using System.Collections.Concurrent;
using System.Diagnostics;
using StaticSite.Images;

namespace StaticSite.Output;

/// <summary>
/// What one <c>serve</c> session last put in the output folder: each file's manifest entry and,
/// for bytes the build made, the very array it wrote (a page reused from the cache is the same
/// array, so it is known unchanged without hashing it). Trusted only while the marker file is as
/// the session left it: another build in between makes the next build a whole one again.
/// </summary>
public sealed record WrittenSite(string Root, FileStamp Marker, IReadOnlyDictionary<string, (ManifestEntry Entry, byte[]? Bytes)> Files)
{
    public bool StillOnDisk(string root)
    {
        try
        {
            return root == Root && FileStamp.Of(Path.Combine(root, OutputFolder.Marker)) == Marker;
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            return false;
        }
    }
}

/// <summary>
/// The next site for a rebuild in <c>serve</c>: only the files that changed are written, each to a
/// temporary name and renamed over the old one, after every check has passed; files the site no
/// longer has are removed; the manifest goes last. A whole staged site (see <see cref="StagedSite"/>)
/// would link every unchanged file into a new tree and remove the old one: tens of milliseconds
/// per thousand pages that an author waiting for a reload should not spend. A failed build writes
/// nothing, as before. A preview killed half-way through writing leaves some files new and the
/// manifest old, so the next build trusts no changed file's manifest entry and puts it right.
/// </summary>
public sealed class InPlaceSite(string root, WrittenSite last) : INextSite
{
    private readonly ConcurrentDictionary<string, (byte[]? Bytes, OutputFile? File)> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _made = new(StringComparer.Ordinal);
    private WrittenSite? _written;

    /// <summary>What this build left on disk, once committed: the next build's starting point.</summary>
    public WrittenSite? Written => _written;

    void INextSite.Commit(IReadOnlyCollection<ManifestEntry> entries) => Commit(entries);

    public ManifestEntry Put(string path, byte[] bytes)
    {
        _made[path] = bytes;
        var known = last.Files.TryGetValue(path, out var old);
        if (known && ReferenceEquals(old.Bytes, bytes))
        {
            return old.Entry;
        }

        var hash = OutputManifest.HashOf(bytes);
        if (known && old.Entry.Written.Length == bytes.Length && old.Entry.Hash == hash)
        {
            return old.Entry;
        }

        _pending[path] = (bytes, null);
        return new ManifestEntry(path, hash, new FileStamp(bytes.Length, 0), null);
    }

    public ManifestEntry Put(string path, OutputFile file) => file switch
    {
        OutputFile.Made made => Put(path, made.Bytes),
        OutputFile.OnDisk onDisk => Copy(path, onDisk.FullPath),
        OutputFile.Resized resized => Resize(path, resized.Copy),
        _ => throw new UnreachableException(),
    };

    public void Commit(IReadOnlyCollection<ManifestEntry> entries)
    {
        var written = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var (path, (bytes, file)) in _pending)
        {
            var target = Target(path);
            var temporary = target + ".staticsite-tmp";
            FileStamp? source = null;
            if (file is OutputFile.OnDisk onDisk)
            {
                source = FileStamp.Of(onDisk.FullPath);
                using var from = new FileStream(onDisk.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                using var to = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1);
                from.CopyTo(to, 81920);
            }
            else
            {
                File.WriteAllBytes(temporary, bytes ?? RasterImages.Resize(((OutputFile.Resized)file!).Copy));
            }

            File.Move(temporary, target, overwrite: true);
            var stamp = FileStamp.Of(target);
            written[path] = new ManifestEntry(path, bytes is null ? OutputManifest.HashOfFile(target) : OutputManifest.HashOf(bytes), stamp, source);
        }

        var final = entries.Select(e => written.GetValueOrDefault(e.Path) ?? e).ToList();
        var keep = final.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in last.Files.Keys.Where(p => !keep.Contains(p)))
        {
            Remove(gone);
        }

        var marker = Path.Combine(root, OutputFolder.Marker);
        File.WriteAllText(marker + ".staticsite-tmp", OutputManifest.Format(final));
        File.Move(marker + ".staticsite-tmp", marker, overwrite: true);
        _written = new WrittenSite(root, FileStamp.Of(marker), final.ToDictionary(e => e.Path, e => (e, _made.GetValueOrDefault(e.Path)), StringComparer.Ordinal));
    }

    /// <summary>Nothing is left beside the output: what a file replaced was renamed over.</summary>
    public void RemoveLeftovers()
    {
    }

    public void Dispose()
    {
    }

    /// <summary>A static file: unchanged when its source has the size and time the last build copied it at.</summary>
    private ManifestEntry Copy(string path, string source)
    {
        if (last.Files.TryGetValue(path, out var old) && old.Entry.Source == FileStamp.Of(source))
        {
            return old.Entry;
        }

        _pending[path] = (null, new OutputFile.OnDisk(source));
        return new ManifestEntry(path, "", new FileStamp(0, 0), null);
    }

    /// <summary>A smaller copy of an image: its name holds the hash of its source, so one of that name is unchanged.</summary>
    private ManifestEntry Resize(string path, ImageVariant copy)
    {
        if (last.Files.TryGetValue(path, out var old))
        {
            return old.Entry;
        }

        _pending[path] = (null, new OutputFile.Resized(copy));
        return new ManifestEntry(path, "", new FileStamp(0, 0), null);
    }

    /// <summary>Removes a file the site no longer has, and the folders that leaves empty.</summary>
    private void Remove(string path)
    {
        var full = Inside(path);
        File.Delete(full);
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>The path's place in the output, its folder made.</summary>
    private string Target(string path)
    {
        var full = Inside(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>
    /// The path's place in the output, checked to stay inside it whatever the name says, and with
    /// no link on the way: files are written where they are, so a folder swapped for a link since
    /// the last build must not lead a write elsewhere.
    /// </summary>
    private string Inside(string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write {path}: outside the output folder");
        }

        for (var at = full; at.Length > root.Length; at = Path.GetDirectoryName(at)!)
        {
            if (new FileInfo(at) is { Exists: true, LinkTarget: not null } || new DirectoryInfo(at) is { Exists: true, LinkTarget: not null })
            {
                throw new IOException($"{Path.GetRelativePath(root, at)} in the output folder is a link, which the build never follows");
            }
        }

        return full;
    }
}
