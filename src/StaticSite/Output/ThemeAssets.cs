using System.Security.Cryptography;

namespace StaticSite.Output;

/// <summary>
/// Files from <c>theme/assets/</c>, published as <c>assets/name.hash.ext</c>. The hash changes
/// whenever the content does, so they can be cached forever and a deploy never serves stale CSS.
/// </summary>
public static class ThemeAssets
{
    public const string Folder = "assets";

    /// <summary>Returns name → href for the templates, and output path → bytes for the writer.</summary>
    public static (IReadOnlyDictionary<string, string> Hrefs, IReadOnlyDictionary<string, byte[]> Files) Load(BuildContext context)
    {
        var hrefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var dir = Path.Combine(context.ThemeDir, Folder);
        if (!Directory.Exists(dir))
        {
            return (hrefs, files);
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            var bytes = File.ReadAllBytes(file);
            var output = Folder + "/" + Fingerprint(relative, bytes);
            files[output] = bytes;
            // Liquid keys cannot hold dots or slashes comfortably: site.assets.site_css
            hrefs[relative.Replace('.', '_').Replace('/', '_').Replace('-', '_')] = context.Config.Href("/" + output);
        }

        return (hrefs, files);
    }

    public static string Fingerprint(string relative, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
        var dot = relative.LastIndexOf('.');
        return dot <= relative.LastIndexOf('/') ? relative + "." + hash : relative[..dot] + "." + hash + relative[dot..];
    }

    public static bool IsFingerprinted(string outputPath) =>
        outputPath.StartsWith(Folder + "/", StringComparison.Ordinal);
}
