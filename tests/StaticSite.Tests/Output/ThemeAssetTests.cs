using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

public sealed class ThemeAssetTests
{
    [Fact]
    public void Assets_are_fingerprinted_and_liquid_assets_are_rendered_with_the_site_settings()
    {
        using var site = BuiltSite.Real("/leg-knee/");
        Assert.True(site.Result.Succeeded, site.Errors);
        var assets = Directory.GetFiles(Path.Combine(site.Output, "assets")).Select(Path.GetFileName).ToList();
        Assert.All(assets, a => Assert.Matches(@"^[a-z-]+\.[0-9a-f]{8}\.(css|js|svg)$", a));
        Assert.DoesNotContain(assets, a => a!.Contains("liquid", StringComparison.Ordinal));

        var origin = Assert.Single(assets, a => a!.StartsWith("origin.", StringComparison.Ordinal));
        Assert.Contains("--origin: \"https://leg-and-knee.netlify.app\";", File.ReadAllText(Path.Combine(site.Output, "assets", origin!)), StringComparison.Ordinal);
        var link = site.Page("index.html").QuerySelector($"link[href='/leg-knee/assets/{origin}']");
        Assert.Equal("print", link?.GetAttribute("media"));
    }
}
