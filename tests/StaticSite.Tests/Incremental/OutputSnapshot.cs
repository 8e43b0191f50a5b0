using System.Text;
using StaticSite.Output;

namespace StaticSite.Tests.Incremental;

/// <summary>
/// Every file of a built site, by path, with its bytes: all but the generator's marker, whose
/// manifest records modified times and so differs between any two builds.
/// </summary>
public sealed class OutputSnapshot
{
    private const int Listed = 10;
    private const int Context = 70;

    private OutputSnapshot(IReadOnlyDictionary<string, byte[]> files) => Files = files;

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>The files under <paramref name="folder"/>; none when it does not exist (a first build that failed).</summary>
    public static OutputSnapshot Of(string folder) => new(!Directory.Exists(folder)
        ? new Dictionary<string, byte[]>(StringComparer.Ordinal)
        : Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => Path.GetFileName(f) != OutputFolder.Marker)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal));

    /// <summary>Null when both hold the same paths with the same bytes; otherwise what differs, for a person to read.</summary>
    public static string? Difference(OutputSnapshot expected, OutputSnapshot actual, string expectedName, string actualName)
    {
        var missing = expected.Files.Keys.Where(p => !actual.Files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Files.Keys.Where(p => !expected.Files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var differing = expected.Files.Keys
            .Where(p => actual.Files.TryGetValue(p, out var bytes) && !bytes.AsSpan().SequenceEqual(expected.Files[p]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count == 0 && extra.Count == 0 && differing.Count == 0)
        {
            return null;
        }

        var report = new StringBuilder($"the {actualName} output is not the {expectedName} output ({actual.Files.Count} files against {expected.Files.Count}):\n");
        AppendList(report, $"only in the {expectedName} output", missing);
        AppendList(report, $"only in the {actualName} output", extra);
        AppendList(report, "different bytes", differing);
        if (differing.Count > 0)
        {
            var path = differing[0];
            var (want, got) = (expected.Files[path], actual.Files[path]);
            var at = FirstDifference(want, got);
            report.Append($"first difference: {path}, at byte {at} ({want.Length} bytes against {got.Length}):\n");
            report.Append($"  {expectedName}: {Around(want, at)}\n");
            report.Append($"  {actualName}: {Around(got, at)}\n");
        }

        return report.ToString();
    }

    private static void AppendList(StringBuilder report, string heading, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        var more = paths.Count > Listed ? $" and {paths.Count - Listed} more" : "";
        report.Append($"{heading} ({paths.Count}): {string.Join(", ", paths.Take(Listed))}{more}\n");
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }

    /// <summary>The text either side of a byte, on one line, so two versions can be read one above the other.</summary>
    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - Context);
        var end = Math.Min(bytes.Length, at + Context);
        var text = Encoding.UTF8.GetString(bytes, start, end - start).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return $"{(start > 0 ? "…" : "")}{text}{(end < bytes.Length ? "…" : "")}";
    }
}
