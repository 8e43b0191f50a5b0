using StaticSite.Images;
using StaticSite.Output;
using StaticSite.Tests.Markdown;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

/// <summary>
/// Smaller copies of images are made when the site is written, and only then: a copy the last
/// build wrote is kept without reading its source again, and a source that cannot be decoded is
/// an error naming it, never a crash.
/// </summary>
public sealed class ImageCopyWriteTests
{
    [Fact]
    public void A_copy_the_last_build_wrote_is_kept_without_resizing_again()
    {
        using var temp = new TempDir();
        FigureSite.WriteImage(temp.Path, "photo.png", 1000, 500);
        var output = temp.Combine("_site");
        const string path = "assets/images/photo.480w.0123abcd.png";
        var copy = new ImageVariant(path, 480, 240, "photo.png", temp.Combine("photo.png"));

        Assert.Equal((1, 0, 0), Write(output, path, copy));
        Assert.Equal((480, 240), Size(Path.Combine(output, path)));

        // With its source gone, making the copy again would throw: it is kept from the last build instead.
        File.Delete(temp.Combine("photo.png"));
        Assert.Equal((0, 1, 0), Write(output, path, copy));
        Assert.Equal((480, 240), Size(Path.Combine(output, path)));
    }

    [Fact]
    public void A_source_that_cannot_be_decoded_fails_the_build_with_its_name_and_leaves_the_old_site()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/photo.md", "---\ntitle: Photo\ndescription: A photo.\nlayout: page\n---\n\n![A runner stretching a calf](photo.png)\n");
        FigureSite.WriteImage(site.Root, "input/guide/photo.png", 1000, 500);
        Assert.True(site.Build().Succeeded);
        var before = File.ReadAllBytes(Path.Combine(site.Output, "guide", "photo", "index.html"));

        // The header still says 1,000 × 500, so the page is sized; the pixels are cut short.
        var full = Path.Combine(site.Root, "input", "guide", "photo.png");
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(full, bytes[..(bytes.Length / 2)]);
        var result = site.Build();

        Assert.False(result.Succeeded);
        // One error for each copy it could not make (480 and 960 pixels wide).
        Assert.Equal(["480w", "960w"], result.Errors.Select(e => e.Message.Split('.')[1]));
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("SS011", error.Code);
            Assert.StartsWith("could not write assets/images/guide/photo.", error.Message, StringComparison.Ordinal);
            Assert.Contains("could not make a smaller copy of guide/photo.png (in the input folder):", error.Message, StringComparison.Ordinal);
        });
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(site.Output, "guide", "photo", "index.html")));
    }

    private static (int Written, int Unchanged, int Deleted) Write(string output, string path, ImageVariant copy)
    {
        using var folder = OutputFolder.Open(Path.GetFullPath(output));
        using var next = StagedSite.Begin(folder);
        var counts = next.Commit([next.Put(path, new OutputFile.Resized(copy))]);
        next.RemoveLeftovers();
        return counts;
    }

    private static (int, int) Size(string file)
    {
        var info = SixLabors.ImageSharp.Image.Identify(file);
        return (info.Width, info.Height);
    }
}
