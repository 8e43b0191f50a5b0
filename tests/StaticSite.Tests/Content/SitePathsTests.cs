using StaticSite.Content;

namespace StaticSite.Tests.Content;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("/a/b/", "/a/b/", null)]
    [InlineData("/a/b/#Part", "/a/b/", "Part")]
    [InlineData("/a/?q=1", "/a/", null)]
    [InlineData("/a/?q=1#x", "/a/", "x")]
    [InlineData("/a/#x?q=1", "/a/", "x?q=1")]
    [InlineData("#top", "", "top")]
    [InlineData("?only", "", null)]
    [InlineData("/a/#caf%C3%A9", "/a/", "café")]
    public void Splits_an_href_into_its_path_and_its_fragment(string href, string path, string? fragment) =>
        Assert.Equal((path, fragment), SitePaths.SplitFragment(href));

    [Theory]
    [InlineData("/guide/", "../other/", "/other/")]
    [InlineData("/guide/", "page.md", "/guide/page.md")]
    [InlineData("/guide", "/abs/x", "/abs/x")]
    [InlineData("/guide/", "..", "/")]
    public void Combines_a_folder_and_a_relative_path(string folder, string relative, string combined) =>
        Assert.Equal(combined, SitePaths.Combine(folder, relative));

    [Fact]
    public void A_path_that_climbs_above_the_root_is_null() => Assert.Null(SitePaths.Combine("/a/", "../../x"));
}
