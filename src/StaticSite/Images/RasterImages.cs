using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Processing;

namespace StaticSite.Images;

/// <summary>The formats browsers show that the build can read, and whether smaller copies are made of them.</summary>
public enum RasterKind
{
    Png,
    Jpeg,
    Webp,

    /// <summary>Sized but never resized: a GIF may be animated, and resizing would flatten or bloat it.</summary>
    Gif,
}

/// <summary>A raster image's size as shown (EXIF rotation applied) and its format.</summary>
public sealed record RasterHeader(int Width, int Height, RasterKind Kind);

/// <summary>
/// Photographs and other pixel images, through ImageSharp: the size from the file's header alone
/// (Identify reads no pixels), and smaller copies made when the site is written.
/// </summary>
public static class RasterImages
{
    /// <summary>
    /// Images larger than this are refused before any pixel is decoded: a small file can claim a huge
    /// size (a "decompression bomb"), and no page needs more than a few megapixels.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>JPEG copies: visually close to the original at a fraction of its weight.</summary>
    public const int JpegQuality = 82;

    /// <summary>Everything that decides a copy's bytes besides its source and width; part of its name, so a change here renames every copy.</summary>
    public static string Recipe { get; } =
        $"imagesharp {typeof(Image).Assembly.GetName().Version}; jpeg q{JpegQuality}; png, webp default; auto-orient; no exif, iptc or xmp; bicubic";

    /// <summary>The header of the image at <paramref name="path"/>, or a problem an author can act on.</summary>
    public static (RasterHeader? Header, string? Problem) Identify(string path)
    {
        try
        {
            var info = Image.Identify(path, out var format);
            if (info is null || format is null || KindOf(format) is not { } kind)
            {
                return (null, $"browsers cannot show it, or the build cannot read it{(format is null ? "" : $" ({format.Name})")}: use PNG, JPEG, WebP, GIF or SVG");
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                return (null, $"it is {info.Width} × {info.Height} pixels, more than the {MaxPixels / 1_000_000} megapixels the build reads: make it smaller first");
            }

            // A camera's photo stored on its side shows upright in browsers (EXIF orientation), so the size on the page is turned too.
            var turned = (info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? ExifOrientationMode.TopLeft) is >= ExifOrientationMode.LeftTop and <= ExifOrientationMode.LeftBottom;
            return (turned ? new RasterHeader(info.Height, info.Width, kind) : new RasterHeader(info.Width, info.Height, kind), null);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            return (null, $"it is not an image the build can read: {e.Message}");
        }
    }

    /// <summary>
    /// Makes one smaller copy: upright, resized, without camera, location or editing metadata (a
    /// reader gains nothing from them, and a photo's place may be private), in the source's format.
    /// A source that cannot be decoded is an <see cref="IOException"/>, reported like any file the
    /// write stage cannot make.
    /// </summary>
    public static byte[] Resize(ImageVariant variant)
    {
        try
        {
            using var image = Image.Load(variant.SourceFullPath, out var format);
            image.Mutate(x => x.AutoOrient().Resize(variant.Width, variant.Height));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            using var output = new MemoryStream();
            image.Save(output, EncoderFor(format));
            return output.ToArray();
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            throw new IOException($"could not make a smaller copy of {variant.SourcePath} (in the input folder): {e.Message}", e);
        }
    }

    private static RasterKind? KindOf(IImageFormat format) => format switch
    {
        PngFormat => RasterKind.Png,
        JpegFormat => RasterKind.Jpeg,
        WebpFormat => RasterKind.Webp,
        GifFormat => RasterKind.Gif,
        _ => null,
    };

    private static IImageEncoder EncoderFor(IImageFormat format) => format switch
    {
        JpegFormat => new JpegEncoder { Quality = JpegQuality },
        WebpFormat => new WebpEncoder(),
        PngFormat => new PngEncoder(),
        _ => throw new NotSupportedException($"no smaller copies are made of {format.Name} images"),
    };
}
