using StaticSite.Tests.Support;

namespace StaticSite.Tests.Checks;

/// <summary>Every page the real site publishes is valid HTML with no invalid ARIA, by the Nu Html Checker.</summary>
public sealed class HtmlValidityTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    [NuCheckerFact]
    public void The_nu_html_checker_finds_nothing_wrong_in_any_page()
    {
        Assert.True(fixture.Site.Result.Succeeded, fixture.Site.Errors);
        Assert.Equal("", NuChecker.Validate(fixture.Site.Output));
    }

    [NuCheckerFact]
    public void The_checker_is_really_checking()
    {
        using var temp = new TempDir();
        temp.Write("bad.html", "<!DOCTYPE html><html lang=en><title>x</title><div role=\"text\"><fieldset><input id=a><input id=a></fieldset></div>");
        var messages = NuChecker.Validate(temp.Path);
        Assert.Contains("Duplicate ID", messages, StringComparison.Ordinal);
        Assert.Contains("role", messages, StringComparison.Ordinal);
    }

    [NuCheckerFact]
    public void The_component_fixture_page_is_valid_too()
    {
        using var site = new FixtureSite();
        TempDir.Copy(Path.Combine(Repo.Fixtures, "components"), site.Root);
        Assert.True(site.Build().Succeeded);
        Assert.Equal("", NuChecker.Validate(site.Output));
    }
}
