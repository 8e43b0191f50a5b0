using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace StaticSite.Preview;

/// <summary>
/// The output folder as the server sees it: a <see cref="PhysicalFileProvider"/> (which already
/// refuses paths that climb above its root, absolute paths and dot files such as the write
/// manifest), checked once more on the file it finds: inside the folder and reached through
/// no symbolic link, so no request, however encoded, reads a file outside the folder.
/// </summary>
public sealed class ContainedFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
    private readonly PhysicalFileProvider _files = new(root);

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        return file.Exists && !IsInside(file.PhysicalPath) ? new NotFoundFileInfo(subpath) : file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = _files.GetDirectoryContents(subpath);
        return contents.Exists && !IsInside(Path.Combine(_root, subpath.TrimStart('/')))
            ? NotFoundDirectoryContents.Singleton
            : contents;
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Inside the folder as written, and reached through no link: the build writes no links
    /// (its writer leaves any it finds alone), so one on the way can only lead somewhere else.
    /// </summary>
    private bool IsInside(string? path)
    {
        if (path is null)
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            return false;
        }

        var step = _root;
        foreach (var part in full[_root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            step = Path.Combine(step, part);
            if (new FileInfo(step).LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }
}
