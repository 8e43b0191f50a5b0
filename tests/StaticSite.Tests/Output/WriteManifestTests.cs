using System.Text;
using StaticSite.Output;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

/// <summary>
/// The write stage keeps a manifest of what it wrote (in the marker file), so a rebuild leaves
/// unchanged files alone without reading them back; static files are copied from disk, never held.
/// </summary>
public sealed class WriteManifestTests
{
    private const string Article = "input/guide/article.md";

    [Fact]
    public void A_second_build_with_no_change_rewrites_no_file()
    {
        using var site = new FixtureSite();
        site.Write("input/images/photo.png", "not really a png");
        Assert.True(site.Build().Succeeded);
        var before = Stamps(site.Output);

        Assert.True(site.Build().Succeeded);

        // The marker too: with nothing to change, the build does not even rewrite its manifest.
        Assert.Equal(before, Stamps(site.Output));
    }

    [Fact]
    public void Unchanged_files_are_judged_by_the_manifest_without_reading_them()
    {
        // Running as root, a file made unreadable would still be read, so this proves it another
        // way: an output file is spoiled but keeps its size and modified time. Had the rebuild read
        // it, it would have put it right; it stays spoiled, so the manifest alone was used.
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var home = Path.Combine(site.Output, "index.html");
        var good = File.ReadAllBytes(home);
        SpoilKeepingSizeAndTime(home);

        Assert.True(site.Build().Succeeded);

        Assert.NotEqual(good, File.ReadAllBytes(home));
    }

    [Fact]
    public void A_file_changed_since_the_last_build_is_put_right()
    {
        // Its modified time no longer matches the manifest, so the manifest is not trusted for it.
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var home = Path.Combine(site.Output, "index.html");
        var good = File.ReadAllBytes(home);
        var spoiled = good.ToArray();
        spoiled[^2] ^= 1;
        File.WriteAllBytes(home, spoiled);
        File.SetLastWriteTimeUtc(home, File.GetLastWriteTimeUtc(home).AddSeconds(-5));

        Assert.True(site.Build().Succeeded);

        Assert.Equal(good, File.ReadAllBytes(home));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Made by StaticSite. Everything in this folder is replaced on each build.\n# manifest 1: garbage\nnot\ta\tline\n")]
    public void With_no_usable_manifest_files_are_compared_byte_for_byte(string? marker)
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var markerPath = Path.Combine(site.Output, OutputFolder.Marker);
        File.WriteAllText(markerPath, marker ?? "Made by StaticSite. Everything in this folder is replaced on each build.\n");
        var home = Path.Combine(site.Output, "index.html");
        var good = File.ReadAllBytes(home);
        SpoilKeepingSizeAndTime(home);
        var article = Path.Combine(site.Output, "guide", "article", "index.html");
        var articleWritten = File.GetLastWriteTimeUtc(article);

        Assert.True(site.Build().Succeeded);

        Assert.Equal(good, File.ReadAllBytes(home));
        Assert.Equal(articleWritten, File.GetLastWriteTimeUtc(article));
        Assert.Contains("# manifest 1", File.ReadAllText(markerPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_page_is_rewritten_and_nothing_else()
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var before = Stamps(site.Output);
        var article = Path.Combine(site.Output, "guide", "article", "index.html");
        // Only words the page already has, in its body already, so the search index stays the same.
        File.AppendAllText(Path.Combine(site.Root, Article), "\nMore text, some more.\n");

        Assert.True(site.Build().Succeeded);

        var after = Stamps(site.Output);
        Assert.Contains("More text, some more.", File.ReadAllText(article), StringComparison.Ordinal);
        var changed = before.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal);
        Assert.Equal([OutputFolder.Marker, "guide/article/index.html"], changed);
    }

    [Fact]
    public void A_removed_pages_file_is_deleted()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/extra.md", "---\ntitle: Extra\ndescription: extra page\nlayout: page\n---\n\nText.\n");
        Assert.True(site.Build().Succeeded);
        var extra = Path.Combine(site.Output, "guide", "extra", "index.html");
        Assert.True(File.Exists(extra));
        File.Delete(Path.Combine(site.Root, "input", "guide", "extra.md"));

        Assert.True(site.Build().Succeeded);

        Assert.False(File.Exists(extra));
        Assert.False(Directory.Exists(Path.GetDirectoryName(extra)));
        Assert.DoesNotContain("guide/extra/index.html", File.ReadAllText(Path.Combine(site.Output, OutputFolder.Marker)), StringComparison.Ordinal);
    }

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
        var entry = Assert.IsType<OutputFile.OnDisk>(map.Entries["images/photo.png"]);
        Assert.Equal(source, entry.FullPath);
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(site.Output, "images", "photo.png")));
        // Asked for its bytes, the map reads them from disk then.
        Assert.Equal(image, result.Files["images/photo.png"]);
    }

    [Fact]
    public void A_static_file_is_copied_again_only_when_its_contents_change()
    {
        using var temp = new TempDir();
        var source = temp.Combine("photo.png");
        File.WriteAllBytes(source, [1, 2, 3, 4]);
        var output = temp.Combine("_site");
        var files = new Dictionary<string, OutputFile> { ["photo.png"] = new OutputFile.OnDisk(source) };
        Assert.Equal((1, 0, 0), Write(output, files));
        var copy = Path.Combine(output, "photo.png");
        var copied = File.GetLastWriteTimeUtc(copy);

        // Touched but not changed (as a git checkout does): hashed, found the same, left alone.
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal((0, 1, 0), Write(output, files));
        Assert.Equal(copied, File.GetLastWriteTimeUtc(copy));

        File.WriteAllBytes(source, [1, 2, 3, 5]);
        Assert.Equal((1, 0, 0), Write(output, files));
        Assert.Equal([1, 2, 3, 5], File.ReadAllBytes(copy));
    }

    [Fact]
    public void A_file_may_become_a_folder_and_a_folder_a_file()
    {
        using var temp = new TempDir();
        var output = temp.Combine("_site");
        Write(output, Made(("a", "file"), ("b/index.html", "in a folder")));

        Assert.Equal((2, 0, 2), Write(output, Made(("a/index.html", "now in a folder"), ("b", "now a file"))));

        Assert.Equal("now in a folder", File.ReadAllText(Path.Combine(output, "a", "index.html")));
        Assert.Equal("now a file", File.ReadAllText(Path.Combine(output, "b")));
    }

    [Fact]
    public void Never_writes_through_a_link_inside_the_output()
    {
        // The new site is built apart and swapped in whole: a link in the old one is removed with
        // it, and the new file goes into a real folder of the new site, never through the link.
        using var outside = new TempDir();
        using var temp = new TempDir();
        var output = temp.Combine("_site");
        Write(output, Made(("index.html", "home")));
        Directory.CreateSymbolicLink(Path.Combine(output, "link"), outside.Path);

        Write(output, Made(("index.html", "home"), ("link/page.html", "inside")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        Assert.Null(new DirectoryInfo(Path.Combine(output, "link")).LinkTarget);
        Assert.Equal("inside", File.ReadAllText(Path.Combine(output, "link", "page.html")));
    }

    [Fact]
    public void Links_inside_the_output_are_removed_and_never_followed()
    {
        using var outside = new TempDir();
        outside.Write("keep.txt", "outside the output");
        using var temp = new TempDir();
        var output = temp.Combine("_site");
        Write(output, Made(("index.html", "home"), ("sub/page.html", "page")));
        File.CreateSymbolicLink(Path.Combine(output, "sub", "file-link"), outside.Combine("keep.txt"));
        Directory.CreateSymbolicLink(Path.Combine(output, "dir-link"), outside.Path);

        Assert.Equal((0, 1, 1), Write(output, Made(("index.html", "home"))));

        Assert.Equal("outside the output", File.ReadAllText(outside.Combine("keep.txt")));
        Assert.False(Path.Exists(Path.Combine(output, "sub")));
        Assert.False(Path.Exists(Path.Combine(output, "dir-link")));
        Assert.Equal([OutputFolder.Marker, "index.html"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The write stage's steps for a set of files: claim the folder, build the next site, swap it in.</summary>
    private static (int Written, int Unchanged, int Deleted) Write(string output, IReadOnlyDictionary<string, OutputFile> files)
    {
        using var folder = OutputFolder.Open(Path.GetFullPath(output));
        using var next = StagedSite.Begin(folder);
        var counts = next.Commit([.. files.Select(f => next.Put(f.Key, f.Value))]);
        next.RemoveLeftovers();
        return counts;
    }

    private static Dictionary<string, OutputFile> Made(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => (OutputFile)new OutputFile.Made(Encoding.UTF8.GetBytes(f.Text)), StringComparer.Ordinal);

    /// <summary>Changes one byte but keeps the size and the modified time the manifest recorded.</summary>
    private static void SpoilKeepingSizeAndTime(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 1;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, written);
    }

    private static Dictionary<string, DateTime> Stamps(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.GetLastWriteTimeUtc, StringComparer.Ordinal);
}
