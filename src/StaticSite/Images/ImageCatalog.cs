using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace StaticSite.Images;

/// <summary>
/// The images pages show, each read once however many pages show it, while pages are processed in
/// parallel: its size, and the names of the smaller copies to make. Only images a page shows are
/// read, and a copy's pixels are made only when the site is written (see <see cref="RasterImages.Resize"/>),
/// so a build that only checks, or a site of 10,000 pages, never holds them in memory.
/// </summary>
public sealed class ImageCatalog(string inputDir)
{
    /// <summary>
    /// Widths of the smaller copies, in pixels. The text column is at most 41rem (656 px) wide, so
    /// 480 serves phones, 960 most screens and 1440 a high-density screen at full width. A copy is
    /// never wider than its source.
    /// </summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 960, 1440];

    /// <summary>Where the copies are published: under assets/, which hosts may cache for a year.</summary>
    public const string Folder = "assets/images";

    private readonly ConcurrentDictionary<string, Lazy<ImageReading>> _images = new(StringComparer.Ordinal);

    /// <summary>The image at <paramref name="sourcePath"/> (inside input/), read on first use. Safe to call from many threads.</summary>
    public ImageReading Read(string sourcePath) =>
        _images.GetOrAdd(sourcePath, path => new Lazy<ImageReading>(() => ReadFile(path))).Value;

    /// <summary>Every copy to make, of every image read so far, in path order.</summary>
    public IReadOnlyList<ImageVariant> Variants =>
        [.. _images.Values.Select(i => i.Value.Image).OfType<ImageFile>().SelectMany(i => i.Variants).OrderBy(v => v.OutputPath, StringComparer.Ordinal)];

    private ImageReading ReadFile(string sourcePath)
    {
        var full = Path.Combine(inputDir, sourcePath);
        try
        {
            if (sourcePath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                using var svg = File.OpenRead(full);
                return SvgSize.Read(svg) is { } size
                    ? new ImageReading(new ImageFile(sourcePath, size.Width, size.Height, []), null)
                    : ImageReading.Failed("its size is unknown: give its <svg> element a viewBox, or a width and height in pixels");
            }

            var (header, problem) = RasterImages.Identify(full);
            if (header is null)
            {
                return ImageReading.Failed(problem!);
            }

            var variants = header.Kind == RasterKind.Gif ? [] : VariantsOf(sourcePath, full, header);
            return new ImageReading(new ImageFile(sourcePath, header.Width, header.Height, variants), null);
        }
        catch (XmlException e)
        {
            return ImageReading.Failed($"it is not a well-formed SVG file: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImageReading.Failed($"it cannot be read: {e.Message}");
        }
    }

    private static IReadOnlyList<ImageVariant> VariantsOf(string sourcePath, string full, RasterHeader header)
    {
        var widths = Widths.Where(w => w < header.Width).ToList();
        if (widths.Count == 0)
        {
            return [];
        }

        string sourceHash;
        using (var stream = File.OpenRead(full))
        {
            sourceHash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var dot = sourcePath.LastIndexOf('.');
        var (stem, extension) = dot > sourcePath.LastIndexOf('/') ? (sourcePath[..dot], sourcePath[dot..]) : (sourcePath, "");
        return [.. widths.Select(width =>
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceHash}\n{width}\n{RasterImages.Recipe}")))[..8];
            var height = Math.Max(1, (int)Math.Round((double)header.Height * width / header.Width, MidpointRounding.AwayFromZero));
            return new ImageVariant(FormattableString.Invariant($"{Folder}/{stem}.{width}w.{hash}{extension}"), width, height, sourcePath, full);
        })];
    }
}
