using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

public sealed class BasePathTests
{
    [Fact]
    public void With_a_base_path_every_emitted_url_starts_with_it_and_resolves()
    {
        using var site = BuiltSite.Real("/leg-knee/");
        Assert.True(site.Result.Succeeded, site.Errors);

        foreach (var (path, page) in site.Pages)
        {
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                var ok = url.StartsWith("/leg-knee/", StringComparison.Ordinal)
                    || url.StartsWith('#')
                    || url.StartsWith("https://", StringComparison.Ordinal);
                Assert.True(ok, $"{path}: <{element.LocalName}> URL '{url}' ignores the base path");
                if (url.StartsWith("https://leg-and-knee", StringComparison.Ordinal))
                {
                    Assert.StartsWith("https://leg-and-knee.netlify.app/leg-knee/", url, StringComparison.Ordinal);
                }
            }
        }

        foreach (var reference in LinkWalker.InternalReferences(site))
        {
            var file = LinkWalker.FileFor(site, reference.Target);
            Assert.True(file is not null && File.Exists(Path.Combine(site.Output, file)), $"{reference.Page}: {reference.Value} does not resolve under the base path");
        }
    }

    [Theory]
    [InlineData("x", "/x/")]
    [InlineData("/x", "/x/")]
    [InlineData("x/", "/x/")]
    [InlineData("/x/y/", "/x/y/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    public void Base_paths_are_normalised(string written, string normalised)
    {
        Assert.Equal(normalised, SiteConfig.NormaliseBasePath(written, null, 0, 0, new DiagnosticBag()));
    }

    [Theory]
    [InlineData("/a b/")]
    [InlineData("/../")]
    [InlineData("/x?y/")]
    public void Unusable_base_paths_are_errors(string written)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(SiteConfig.NormaliseBasePath(written, null, 0, 0, diagnostics));
        Assert.Contains("must be folder names", Assert.Single(diagnostics.Sorted()).Message, StringComparison.Ordinal);
    }
}
