using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// <c>::: figure</c> and Markdown images in general, on a site built under a base path with
/// images made for the test (a wide JPEG, a square PNG, a small PNG, a photo stored on its side,
/// SVGs sized three ways), read back from the output: figure and caption, width and height equal
/// to the files', copies for srcset that exist at the widths they claim, and lazy loading.
/// </summary>
public sealed partial class FigureTests(FigureSite figures) : IClassFixture<FigureSite>
{
    private const string BasePath = FigureSite.BasePath;
    private readonly IDocument _page = figures.Page;

    private IHtmlCollection<IElement> Images => _page.QuerySelectorAll("main img");

    [Fact]
    public void A_figure_is_its_image_then_a_figcaption_with_the_caption_text()
    {
        var all = _page.QuerySelectorAll("main figure.figure");
        Assert.Equal(2, all.Length);
        Assert.Equal(["IMG", "FIGCAPTION"], all[0].Children.Select(c => c.TagName));
        Assert.Equal("A photo 1,600 pixels wide.", all[0].QuerySelector("figcaption.figure__caption")!.InnerHtml);
        Assert.Equal("A runner's calf from behind, mid-stride", all[0].QuerySelector("img")!.GetAttribute("alt"));

        // Two paragraphs stay two; a link in a caption is resolved like any other.
        var caption = all[1].QuerySelector("figcaption")!;
        Assert.Equal(["The first paragraph of a caption, with a link.", "Its second paragraph."], caption.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal("/base/guide/article/", caption.QuerySelector("a")!.GetAttribute("href"));

        // Nothing is left of the Markdown paragraph around the image.
        Assert.Empty(_page.QuerySelectorAll("figure > p"));
    }

    [Theory]
    [InlineData("photos/wide.jpg", 1600, 900)]
    [InlineData("square.png", 1000, 1000)]
    [InlineData("small.png", 300, 200)]
    [InlineData("turned.jpg", 600, 800)]
    [InlineData("knee.svg", 400, 300)]
    [InlineData("viewbox.svg", 360, 480)]
    [InlineData("mm.svg", 192, 96)]
    public void Width_and_height_are_the_files_own_so_nothing_moves_as_it_loads(string file, int width, int height)
    {
        var image = Images.First(i => i.GetAttribute("src") == BasePath + "guide/" + file);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), image.GetAttribute("width"));
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), image.GetAttribute("height"));
        if (!file.EndsWith(".svg", StringComparison.Ordinal))
        {
            // Read back from the published file, as a browser sees it (EXIF rotation applied).
            var info = Image.Identify(OutputPath(image.GetAttribute("src")!));
            var turned = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value is 6;
            Assert.Equal((width, height), turned ? (info.Height, info.Width) : (info.Width, info.Height));
        }
    }

    [Theory]
    [InlineData("photos/wide.jpg", new[] { 480, 960, 1440 })]
    [InlineData("square.png", new[] { 480, 960, 1000 })]
    [InlineData("turned.jpg", new[] { 480, 600 })]
    public void Srcset_lists_smaller_copies_that_exist_at_the_widths_they_claim(string file, int[] widths)
    {
        var image = Images.First(i => i.GetAttribute("src") == BasePath + "guide/" + file);
        var candidates = image.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')).Select(c => (Url: c[0], Width: int.Parse(c[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(widths, candidates.Select(c => c.Width));
        Assert.Equal("(min-width: 44rem) 41rem, 100vw", image.GetAttribute("sizes"));

        var ratio = double.Parse(image.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) / double.Parse(image.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (url, width) in candidates)
        {
            var info = Image.Identify(OutputPath(url));
            Assert.True(info is not null, $"{url} is not an image in the output");
            if (url == image.GetAttribute("src"))
            {
                continue;
            }

            // A copy: upright, at the width it claims, the shape of the original, with a name that changes with its content.
            Assert.Equal(width, info.Width);
            Assert.InRange(info.Height, (int)Math.Floor(width * ratio), (int)Math.Ceiling(width * ratio));
            Assert.Matches(CopyName(), url);
            Assert.StartsWith(BasePath + "assets/images/guide/", url, StringComparison.Ordinal);
            Assert.Null(info.Metadata.ExifProfile);
        }
    }

    [Fact]
    public void Images_narrower_than_the_smallest_copy_and_svgs_get_no_srcset()
    {
        Assert.All(Images.Where(i => i.GetAttribute("src")!.EndsWith(".svg", StringComparison.Ordinal) || i.GetAttribute("src")!.EndsWith("small.png", StringComparison.Ordinal)),
            image => Assert.False(image.HasAttribute("srcset") || image.HasAttribute("sizes"), image.OuterHtml));
    }

    [Fact]
    public void Copies_keep_the_source_format_and_are_made_once_however_many_times_the_image_is_shown()
    {
        var copies = Directory.EnumerateFiles(Path.Combine(figures.Fixture.Output, "assets", "images"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(figures.Fixture.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(3 + 2 + 1, copies.Count);
        Assert.All(copies.Where(c => c.Contains("/photos/wide.", StringComparison.Ordinal)), c => Assert.EndsWith(".jpg", c, StringComparison.Ordinal));
        Assert.All(copies.Where(c => c.Contains("/square.", StringComparison.Ordinal)), c => Assert.IsType<PngFormat>(Image.DetectFormat(Path.Combine(figures.Fixture.Output, c))));
        Assert.Equal(2, Images.Count(i => i.GetAttribute("src") == BasePath + "guide/photos/wide.jpg"));
    }

    [Fact]
    public void Every_image_after_the_first_loads_lazily_and_all_decode_off_the_main_thread()
    {
        var images = Images.ToList();
        Assert.Equal(8, images.Count);
        Assert.False(images[0].HasAttribute("loading"));
        Assert.All(images.Skip(1), i => Assert.Equal("lazy", i.GetAttribute("loading")));
        Assert.All(images, i => Assert.Equal("async", i.GetAttribute("decoding")));
    }

    [Fact]
    public void Copies_are_the_same_bytes_in_every_build()
    {
        var site = figures.Fixture;
        var copies = Directory.EnumerateFiles(Path.Combine(site.Output, "assets", "images"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var before = copies.ToDictionary(c => c, File.ReadAllBytes);

        // A fresh output folder: every copy is made again, byte for byte the same.
        using var fresh = new TempDir();
        Assert.True(Site.Build(site.Options(BasePath) with { OutputDir = fresh.Path }).Succeeded);
        foreach (var copy in copies)
        {
            Assert.Equal(before[copy], File.ReadAllBytes(Path.Combine(fresh.Path, Path.GetRelativePath(site.Output, copy))));
        }
    }

    [Fact]
    public void A_changed_image_gets_copies_with_new_names_and_the_old_ones_go()
    {
        using var own = new FigureSite();
        var site = own.Fixture;
        var oldSrcset = own.Page.QuerySelectorAll("main img").First(i => i.GetAttribute("src") == BasePath + "guide/square.png").GetAttribute("srcset")!;
        FigureSite.WriteImage(site.Root, "input/guide/square.png", 1000, 1000, colour: new Rgba32(200, 40, 40));

        Assert.True(site.Build(BasePath).Succeeded);

        using var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "guide", "figures", "index.html")));
        var newSrcset = page.QuerySelectorAll("main img").First(i => i.GetAttribute("src") == BasePath + "guide/square.png").GetAttribute("srcset")!;
        Assert.NotEqual(oldSrcset, newSrcset);
        Assert.All(oldSrcset.Split(", ").Select(c => c.Split(' ')[0]).Where(u => u.Contains("/assets/", StringComparison.Ordinal)),
            url => Assert.False(File.Exists(own.OutputPath(url)), $"{url} is left over"));
    }

    private string OutputPath(string href) => figures.OutputPath(href);

    [GeneratedRegex(@"/[a-z]+\.\d+w\.[0-9a-f]{8}\.(jpg|png)$")]
    private static partial Regex CopyName();
}

/// <summary>The figure test site: the base fixture with a page of every kind of image, built once under /base/.</summary>
public sealed class FigureSite : IDisposable
{
    public const string BasePath = "/base/";

    public FigureSite()
    {
        Fixture.Write("input/guide/figures.md", """
            ---
            title: Figures
            description: Every kind of image, for the figure tests.
            layout: page
            ---

            Intro.

            ::: figure
            ![A runner's calf from behind, mid-stride](photos/wide.jpg)

            A photo 1,600 pixels wide.
            :::

            ![A square chart of recovery times](square.png)

            ::: figure
            ![The knee from the front](knee.svg)

            The first paragraph of a caption, with a [link](article.md).

            Its second paragraph.
            :::

            ![A small drawing of a foot](small.png) and ![A photo taken with the camera on its side](turned.jpg)

            ![A drawing sized by its viewBox alone](viewbox.svg) ![A drawing sized in millimetres](mm.svg)

            ![A runner's calf from behind, mid-stride](photos/wide.jpg)
            """);
        WriteImage(Fixture.Root, "input/guide/photos/wide.jpg", 1600, 900);
        WriteImage(Fixture.Root, "input/guide/square.png", 1000, 1000);
        WriteImage(Fixture.Root, "input/guide/small.png", 300, 200);
        WriteImage(Fixture.Root, "input/guide/turned.jpg", 800, 600, exifOrientation: 6);
        Fixture.Write("input/guide/knee.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 800 600"><rect width="800" height="600" fill="#fff"/></svg>""");
        Fixture.Write("input/guide/viewbox.svg", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360.4 480"><rect width="360" height="480"/></svg>""");
        Fixture.Write("input/guide/mm.svg", """<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" width="50.8mm" viewBox="0 0 20 10"><rect width="20" height="10"/></svg>""");

        var result = Fixture.Build(BasePath);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Fixture.Output, "guide", "figures", "index.html")));
    }

    public FixtureSite Fixture { get; } = new();

    public IDocument Page { get; }

    /// <summary>The published file an href (under the base path) points at.</summary>
    public string OutputPath(string href)
    {
        Assert.StartsWith(BasePath, href, StringComparison.Ordinal);
        return Path.Combine(Fixture.Output, Uri.UnescapeDataString(href[BasePath.Length..]));
    }

    /// <summary>A gradient, so resizing has real work to do; optionally stored on its side with EXIF saying so.</summary>
    public static void WriteImage(string root, string relative, int width, int height, ushort? exifOrientation = null, Rgba32? colour = null)
    {
        using var image = new Image<Rgba32>(width, height);
        var tint = colour ?? new Rgba32(0, 90, 78);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgba32((byte)(tint.R + (x * 50 / width)), (byte)(tint.G + (y * 100 / height)), tint.B);
                }
            }
        });
        if (exifOrientation is { } orientation)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        }

        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        image.Save(full);
    }

    public void Dispose()
    {
        Page.Dispose();
        Fixture.Dispose();
    }
}
