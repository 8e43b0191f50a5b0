namespace StaticSite.Images;

/// <summary>
/// An image in <c>input/</c> as pages show it: its size in CSS pixels (the file's pixels, or an
/// SVG's own width and height), written on every <c>&lt;img&gt;</c> so the browser keeps its
/// space before it loads, and the smaller copies made of it for <c>srcset</c>.
/// </summary>
/// <param name="SourcePath">Path inside <c>input/</c>, e.g. <c>leg-and-knee/calf.png</c>.</param>
/// <param name="Variants">Smaller copies, narrowest first; none for SVG (it scales), GIF (it may move) or an image already narrow.</param>
public sealed record ImageFile(string SourcePath, int Width, int Height, IReadOnlyList<ImageVariant> Variants);

/// <summary>
/// A smaller copy of a raster image, in the source's format. Its name holds a hash of the source's
/// bytes, the width and how copies are made, so a name always means the same bytes: browsers may
/// keep it for a year, and a rebuild reuses the copy the last build wrote instead of resizing again.
/// </summary>
/// <param name="OutputPath">Where it is published, e.g. <c>assets/images/leg-and-knee/calf.480w.1a2b3c4d.png</c>.</param>
/// <param name="SourcePath">The image it is made from, as a path inside <c>input/</c>, for messages.</param>
/// <param name="SourceFullPath">The same image's full path, read when the site is written.</param>
public sealed record ImageVariant(string OutputPath, int Width, int Height, string SourcePath, string SourceFullPath);

/// <summary>What reading an image found: the image, or why a page cannot show it.</summary>
public sealed record ImageReading(ImageFile? Image, string? Problem)
{
    public static ImageReading Failed(string problem) => new(null, problem);
}
