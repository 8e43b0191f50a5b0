using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace StaticSite.Preview;

/// <summary>
/// The output folder as the server sees it: a <see cref="PhysicalFileProvider"/> (which already
/// refuses paths that climb above its root, absolute paths and dot files such as the write
/// manifest), checked once more on the resolved file, links followed, so no request, however
/// encoded, reads a file outside the folder.
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
        return contents.Exists && contents.FirstOrDefault() is { } first && !IsInside(Path.GetDirectoryName(first.PhysicalPath))
            ? NotFoundDirectoryContents.Singleton
            : contents;
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files.Dispose();

    private bool IsInside(string? path)
    {
        if (path is null)
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return (target + Path.DirectorySeparatorChar).StartsWith(_root, StringComparison.Ordinal)
            && (full + Path.DirectorySeparatorChar).StartsWith(_root, StringComparison.Ordinal);
    }
}
