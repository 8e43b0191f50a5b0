using StaticSite.Output;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

/// <summary>Static files are copied from disk at write time, never held in memory.</summary>
public sealed class WriteManifestTests
{
    [Fact]
    public void A_static_file_is_copied_from_disk_and_never_read_into_the_files_map()
    {
        using var site = new FixtureSite();
        var image = new byte[300_000];
        new Random(7).NextBytes(image);
        Directory.CreateDirectory(Path.Combine(site.Root, "input", "images"));
        var source = Path.Combine(site.Root, "input", "images", "photo.png");
        File.WriteAllBytes(source, image);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var map = Assert.IsType<OutputFiles>(result.Files);
        var entry = Assert.IsType<OutputFile.Copied>(map.Entries["images/photo.png"]);
        Assert.Equal(source, entry.SourcePath);
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(site.Output, "images", "photo.png")));
        // Asked for its bytes, the map reads them from disk then.
        Assert.Equal(image, result.Files["images/photo.png"]);
    }
}
