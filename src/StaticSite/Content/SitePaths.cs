namespace StaticSite.Content;

/// <summary>Pure helpers for the site's path space (always '/'-separated, never the file system).</summary>
public static class SitePaths
{
    /// <summary>Joins a folder and a relative path, resolving '.' and '..'; null if it climbs above the root.</summary>
    public static string? Combine(string folder, string relative)
    {
        var parts = new List<string>();
        var start = relative.StartsWith('/') ? relative : folder.TrimEnd('/') + "/" + relative;
        foreach (var part in start.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        var joined = string.Join('/', parts);
        var trailing = relative.EndsWith('/') || relative is "." or ".." || relative.EndsWith("/.", StringComparison.Ordinal) || relative.EndsWith("/..", StringComparison.Ordinal);
        return "/" + joined + (trailing && joined.Length > 0 ? "/" : "");
    }

    /// <summary>The output file that serves a site path: folders serve their index.html.</summary>
    public static string OutputFileFor(string sitePath)
    {
        var path = Uri.UnescapeDataString(sitePath).TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>True for hrefs that leave the site: a scheme (https:, mailto:) or protocol-relative.</summary>
    public static bool IsExternal(string href) =>
        href.StartsWith("//", StringComparison.Ordinal)
        || (href.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && href.IndexOfAny(['/', '?', '#']) is var slash && (slash < 0 || colon < slash));

    public static (string Path, string? Fragment) SplitFragment(string href)
    {
        var query = href.IndexOf('?', StringComparison.Ordinal);
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var pathEnd = query >= 0 && (hash < 0 || query < hash) ? query : hash >= 0 ? hash : href.Length;
        return (href[..pathEnd], hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null);
    }
}
