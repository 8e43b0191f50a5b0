using System.Collections;
using System.Diagnostics;
using StaticSite.Images;

namespace StaticSite.Output;

/// <summary>
/// One file of the built site, as the write stage needs it: either bytes the build made (a page,
/// the feed, a theme asset) or a file in <c>input/</c> to copy as it is. Static files stay on disk
/// until they are written, so a site with many large images does not hold them all in memory.
/// </summary>
public abstract record OutputFile
{
    // Only the two kinds below exist: the writer's switch over them is complete.
    private OutputFile()
    {
    }

    /// <summary>Bytes the build made.</summary>
    public sealed record Made(byte[] Bytes) : OutputFile;

    /// <summary>
    /// A file on disk: a static file in <c>input/</c>, copied as it is when the site is written, or
    /// (in a finished build's <see cref="BuildResult.Files"/>) a page already written to the output.
    /// </summary>
    /// <param name="FullPath">Where the file is.</param>
    public sealed record OnDisk(string FullPath) : OutputFile;

    /// <summary>
    /// A smaller copy of an image in <c>input/</c>, made only when the site is written (or its bytes
    /// are asked for), so a site of many images neither resizes them for a check nor holds them in memory.
    /// </summary>
    public sealed record Resized(ImageVariant Copy) : OutputFile;

    /// <summary>
    /// The file's contents. For a file on disk this reads it now; the build itself never calls
    /// this, only callers of <see cref="BuildResult.Files"/> that ask for a file's bytes.
    /// </summary>
    public byte[] ReadAllBytes() => this switch
    {
        Made made => made.Bytes,
        OnDisk onDisk => File.ReadAllBytes(onDisk.FullPath),
        Resized resized => RasterImages.Resize(resized.Copy),
        _ => throw new UnreachableException(),
    };
}

/// <summary>
/// Every file of the built site by output path (sorted, so builds list them in one order). The
/// write stage reads <see cref="Entries"/>, which keep static files as paths on disk. Everything
/// else (the publish stage adding its files, the check stage reading the paths,
/// <see cref="BuildResult.Files"/> and its tests) still sees a dictionary of bytes, so the change
/// from bytes to <see cref="OutputFile"/> stays inside the output stage.
/// </summary>
public sealed class OutputFiles : IDictionary<string, byte[]>, IReadOnlyDictionary<string, byte[]>
{
    private readonly SortedDictionary<string, OutputFile> _files = new(StringComparer.Ordinal);

    /// <summary>What the write stage writes: bytes the build made, or a file to copy.</summary>
    public IReadOnlyDictionary<string, OutputFile> Entries => _files;

    /// <summary>Adds or replaces a file (as the byte indexer does), keeping a static file as its path.</summary>
    public void Put(string path, OutputFile file) => _files[path] = file;

    /// <summary>Adds a file unless one is already at <paramref name="path"/>.</summary>
    public bool TryAdd(string path, OutputFile file) => _files.TryAdd(path, file);

    /// <summary>A static file's bytes are read from disk only when asked for here.</summary>
    public byte[] this[string key]
    {
        get => _files[key].ReadAllBytes();
        set => _files[key] = new OutputFile.Made(value);
    }

    public ICollection<string> Keys => _files.Keys;

    /// <summary>Reads every static file: only for callers that want every file's bytes at once.</summary>
    public ICollection<byte[]> Values => _files.Values.Select(f => f.ReadAllBytes()).ToList();

    IEnumerable<string> IReadOnlyDictionary<string, byte[]>.Keys => Keys;

    IEnumerable<byte[]> IReadOnlyDictionary<string, byte[]>.Values => _files.Values.Select(f => f.ReadAllBytes());

    public int Count => _files.Count;

    public bool IsReadOnly => false;

    public void Add(string key, byte[] value) => _files.Add(key, new OutputFile.Made(value));

    public bool ContainsKey(string key) => _files.ContainsKey(key);

    public bool Remove(string key) => _files.Remove(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value)
    {
        if (_files.TryGetValue(key, out var file))
        {
            value = file.ReadAllBytes();
            return true;
        }

        value = null;
        return false;
    }

    public void Add(KeyValuePair<string, byte[]> item) => Add(item.Key, item.Value);

    public void Clear() => _files.Clear();

    public bool Contains(KeyValuePair<string, byte[]> item) => TryGetValue(item.Key, out var bytes) && bytes.AsSpan().SequenceEqual(item.Value);

    public void CopyTo(KeyValuePair<string, byte[]>[] array, int arrayIndex) => this.ToList().CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, byte[]> item) => Contains(item) && Remove(item.Key);

    /// <summary>Static files are read one at a time, as the enumeration reaches them.</summary>
    public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() =>
        _files.Select(f => KeyValuePair.Create(f.Key, f.Value.ReadAllBytes())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
