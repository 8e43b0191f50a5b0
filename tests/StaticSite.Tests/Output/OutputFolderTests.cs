using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

/// <summary>The generator never writes or deletes outside its output folder, and refuses dangerous ones.</summary>
public sealed class OutputFolderTests
{
    [Theory]
    [InlineData("input", "is the input folder")]
    [InlineData(".", "is the site root")]
    [InlineData("theme", "is the theme folder")]
    [InlineData("input/_site", "is inside the input folder")]
    [InlineData("..", "contains the site root")]
    public void Refuses_an_output_folder_that_is_or_contains_the_sources(string output, string why)
    {
        using var site = new FixtureSite();
        var before = Directory.EnumerateFiles(site.Root, "*", SearchOption.AllDirectories).Count();

        var result = Site.Build(site.Options() with { OutputDir = output });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SS002", error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(site.Root, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Refuses_to_overwrite_a_folder_of_someone_elses_files()
    {
        using var site = new FixtureSite();
        site.Write("_site/notes.txt", "precious");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("did not write", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(site.Output, "notes.txt")));
    }

    [Fact]
    public void Removes_pages_that_no_longer_exist_and_leaves_unchanged_files_alone()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/extra.md", "---\ntitle: Extra\ndescription: extra page\nlayout: page\n---\n\nText.\n");
        Assert.True(site.Build().Succeeded);
        var extra = Path.Combine(site.Output, "guide", "extra", "index.html");
        var home = Path.Combine(site.Output, "index.html");
        Assert.True(File.Exists(extra));
        var homeWritten = File.GetLastWriteTimeUtc(home);

        File.Delete(Path.Combine(site.Root, "input", "guide", "extra.md"));
        Assert.True(site.Build().Succeeded);

        Assert.False(File.Exists(extra));
        Assert.False(Directory.Exists(Path.GetDirectoryName(extra)));
        Assert.Equal(homeWritten, File.GetLastWriteTimeUtc(home));
    }

    [Fact]
    public void A_symlink_inside_the_output_is_never_followed_when_cleaning()
    {
        using var outside = new TempDir();
        outside.Write("keep.txt", "outside the output");
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "link"), outside.Path);

        Assert.True(site.Build().Succeeded);

        Assert.Equal("outside the output", File.ReadAllText(outside.Combine("keep.txt")));
    }
}
