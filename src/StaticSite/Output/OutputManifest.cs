using System.Security.Cryptography;
using System.Globalization;
using System.Text;

namespace StaticSite.Output;

/// <summary>
/// One manifest line: an output file's hash, its size and time on disk, and, for a copied file,
/// its source's size and time.
/// </summary>
public sealed record ManifestEntry(string Path, string Hash, FileStamp Written, FileStamp? Source);

/// <summary>
/// What the last build left in the output folder, kept in the marker file after its first line,
/// so the next build can tell what is unchanged without reading the old files back. Any doubt (no
/// header, a line that does not parse) means no manifest, and nothing old is reused.
/// </summary>
public sealed record OutputManifest(IReadOnlyDictionary<string, ManifestEntry> Entries)
{
    private const string Header = "# manifest 1: sha256, length, modified ticks, source length, source modified ticks, path\n";

    /// <summary>A file's hash as the manifest records it: SHA-256 in lower-case hex.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of a file on disk, read once from start to end.</summary>
    public static string HashOfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static OutputManifest? Read(string marker)
    {
        string text;
        try
        {
            text = File.ReadAllText(marker);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (!text.StartsWith(OutputFolder.MarkerText + Header, StringComparison.Ordinal))
        {
            return null;
        }

        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var line in text[(OutputFolder.MarkerText.Length + Header.Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 6);
            if (fields.Length != 6
                || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var length)
                || !long.TryParse(fields[2], CultureInfo.InvariantCulture, out var ticks)
                || !TryParseSource(fields[3], fields[4], out var source)
                || !entries.TryAdd(fields[5], new ManifestEntry(fields[5], fields[0], new FileStamp(length, ticks), source)))
            {
                return null;
            }
        }

        return new OutputManifest(entries);
    }

    /// <summary>The marker file's whole text: the marker line, then one line per file, sorted by path.</summary>
    public static string Format(IEnumerable<ManifestEntry> entries)
    {
        var text = new StringBuilder(OutputFolder.MarkerText).Append(Header);
        // A path with a line break cannot be recorded; it is simply written again next time.
        foreach (var entry in entries.Where(e => e.Path.IndexOfAny(['\n', '\r']) < 0).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Hash}\t{entry.Written.Length}\t{entry.Written.Ticks}\t");
            text.Append(entry.Source is { } source ? string.Create(CultureInfo.InvariantCulture, $"{source.Length}\t{source.Ticks}") : "-\t-");
            text.Append('\t').Append(entry.Path).Append('\n');
        }

        return text.ToString();
    }

    private static bool TryParseSource(string length, string ticks, out FileStamp? source)
    {
        source = null;
        if (length == "-" && ticks == "-")
        {
            return true;
        }

        if (long.TryParse(length, CultureInfo.InvariantCulture, out var l) && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t))
        {
            source = new FileStamp(l, t);
            return true;
        }

        return false;
    }
}
