using System.Security.Cryptography;
using Fluid;

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
            if (relative.EndsWith(LiquidSuffix, StringComparison.Ordinal))
            {
                relative = relative[..^LiquidSuffix.Length];
                bytes = RenderLiquid(context, file, bytes);
            }

            if (relative.EndsWith(".css", StringComparison.Ordinal))
            {
                bytes = WithoutComments(bytes);
            }

            var output = Folder + "/" + Fingerprint(relative, bytes);
            files[output] = bytes;
            // Liquid keys cannot hold dots or slashes comfortably: site.assets.site_css
            hrefs[relative.Replace('.', '_').Replace('/', '_').Replace('-', '_')] = context.Config.Href("/" + output);
        }

        return (hrefs, files);
    }

    /// <summary>
    /// An asset named <c>x.css.liquid</c> is a Liquid template with <c>site</c> in scope (for
    /// values from site.yml such as the production origin), published as <c>x.HASH.css</c>.
    /// </summary>
    public const string LiquidSuffix = ".liquid";

    private static byte[] RenderLiquid(BuildContext context, string file, byte[] bytes)
    {
        var parser = new FluidParser();
        if (!parser.TryParse(System.Text.Encoding.UTF8.GetString(bytes), out var template, out var error))
        {
            context.Diagnostics.Error(Diagnostics.Codes.Template, $"asset template does not parse: {error}", context.Display(file));
            return [];
        }

        var config = context.Config;
        var scope = new TemplateContext(new TemplateOptions { CultureInfo = System.Globalization.CultureInfo.InvariantCulture });
        scope.SetValue("site", new Dictionary<string, object>
        {
            ["name"] = config.Name,
            ["url"] = config.Url,
            ["base_path"] = config.BasePath,
            ["language"] = config.Language,
        });
        return System.Text.Encoding.UTF8.GetBytes(template.Render(scope));
    }

    public static string Fingerprint(string relative, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
        var dot = relative.LastIndexOf('.');
        return dot <= relative.LastIndexOf('/') ? relative + "." + hash : relative[..dot] + "." + hash + relative[dot..];
    }

    public static bool IsFingerprinted(string outputPath) =>
        outputPath.StartsWith(Folder + "/", StringComparison.Ordinal);

    /// <summary>
    /// The stylesheet's comments explain it to the people who keep it, not to readers, and they
    /// were a third of its gzipped weight: every article's first load must fit in 14 KB. Strings
    /// are copied as they are, so a "/*" inside quotes is kept.
    /// </summary>
    public static byte[] WithoutComments(byte[] css)
    {
        var text = System.Text.Encoding.UTF8.GetString(css);
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, text.Length - 1);
                kept.Append(text, i, end - i + 1);
                i = end;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 1;
            }
            else
            {
                kept.Append(c);
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(kept.ToString());
    }
}
