using StaticSite.Content;
using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>
/// Works out where a page's href or src leads, once, while the page is read: the answer needs
/// only the page's own path, the base path and the set of files the build makes, so it is done
/// in parallel with the parsing and the site rules are left with lookups.
/// </summary>
internal sealed class ReferenceResolver(string basePath, IReadOnlySet<string> outputFiles)
{
    /// <summary>False for what the check leaves alone: an empty value, or a URL that leaves the site.</summary>
    public static bool IsChecked(string value) => value.Length > 0 && !SitePaths.IsExternal(value);

    /// <param name="pageFolder">The site path of the folder the page is served from, ending in '/'.</param>
    public PageReference Resolve(string pageOutputPath, string pageFolder, string attribute, string value, LinkRef? fromMarkdown)
    {
        var line = fromMarkdown?.Line ?? 0;
        var column = fromMarkdown?.Column ?? 0;
        var (path, fragment) = SitePaths.SplitFragment(value);
        if (path.Length == 0)
        {
            return new PageReference(attribute, value, Reach.File, pageOutputPath, fragment, line, column);
        }

        var absolute = path.StartsWith('/') ? path : SitePaths.Combine(pageFolder, path);
        if (absolute is null || !absolute.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new PageReference(attribute, value, Reach.OutsideBasePath, "", fragment, line, column);
        }

        var targetFile = SitePaths.OutputFileFor(absolute[basePath.Length..]);
        var reach = outputFiles.Contains(targetFile) ? Reach.File : Reach.Nowhere;
        return new PageReference(attribute, value, reach, targetFile, fragment, line, column);
    }
}
