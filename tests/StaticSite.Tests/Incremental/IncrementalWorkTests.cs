using StaticSite.Incremental;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Incremental;

/// <summary>
/// A rebuild redoes only what a change touched: the session's caches say which pages each stage
/// made afresh. (That the result is still what a cold build gives is <see cref="IncrementalBuildTests"/>.)
/// </summary>
public sealed class IncrementalWorkTests : IDisposable
{
    private const string CalfStrain = "leg-and-knee/calf-strain.md";

    private readonly TempDir _site = new();
    private readonly BuildSession _session;

    public IncrementalWorkTests()
    {
        TempDir.Copy(Repo.Input, _site.Combine("input"));
        TempDir.Copy(Repo.Theme, _site.Combine("theme"));
        _session = new BuildSession(ColdBuild.Options(_site.Path));
        Assert.True(_session.Build([]).Succeeded);
    }

    private BuildCache Cache => _session.Cache;

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Nothing_changed_makes_nothing_again()
    {
        Assert.True(_session.Build([]).Succeeded);

        Assert.Equal(0, Cache.Pages.Counts.Made);
        Assert.Equal(0, Cache.Renders.Counts.Made);
        Assert.Equal(0, Cache.Checks.Counts.Made);
        Assert.True(Cache.Renders.Counts.Reused > 20, $"{Cache.Renders.Counts.Reused} pages reused");
    }

    [Fact]
    public void An_article_body_edit_processes_renders_and_checks_that_article_alone()
    {
        var changed = Edit("input/" + CalfStrain, "But a cramp usually passes within 10 minutes.", "But a cramp usually passes within a few minutes.");

        Assert.True(_session.Build(changed).Succeeded);

        Assert.Equal([CalfStrain], Cache.Pages.MadeNames);
        Assert.Equal(["leg-and-knee/calf-strain/index.html"], Cache.Renders.MadeNames);
        Assert.Equal(["leg-and-knee/calf-strain/index.html"], Cache.Checks.MadeNames);
        Assert.Equal(1, Cache.Texts.Counts.Made);
    }

    [Fact]
    public void An_article_title_edit_processes_it_alone_and_re_renders_the_pages_that_may_show_it()
    {
        var changed = Edit("input/" + CalfStrain, "title: Calf strain", "title: Calf muscle strain");

        Assert.True(_session.Build(changed).Succeeded);

        // Front matter shows on other pages (hubs, the A to Z, related pages, breadcrumbs), so
        // every view is made again; but only the edited page's Markdown is processed.
        Assert.Equal([CalfStrain], Cache.Pages.MadeNames);
        var rendered = Cache.Renders.MadeNames;
        Assert.Contains("leg-and-knee/calf-strain/index.html", rendered);
        Assert.Contains("leg-and-knee/index.html", rendered);
        Assert.Contains("conditions-a-z/index.html", rendered);
    }

    [Fact]
    public void A_build_that_fails_keeps_the_cache_warm_for_the_fix()
    {
        var path = _site.Combine("input", "leg-and-knee", "calf-strain.md");
        var good = File.ReadAllText(path);
        File.WriteAllText(path, good + "\n#### A heading two levels too deep\n");
        Assert.False(_session.Build([path]).Succeeded);

        File.WriteAllText(path, good);
        Assert.True(_session.Build([path]).Succeeded);

        // The page is processed again (the broken version replaced it), but it is now what it was
        // before the break, so its render from then is still kept: nothing is rendered at all.
        Assert.Equal([CalfStrain], Cache.Pages.MadeNames);
        Assert.Equal(0, Cache.Renders.Counts.Made);
        Assert.True(Cache.Renders.Counts.Reused > 20, $"{Cache.Renders.Counts.Reused} pages reused");
    }

    [Fact]
    public void A_layout_edit_re_renders_every_page_and_keeps_every_processed_page()
    {
        var layout = _site.Combine("theme", "layouts", "base.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<!-- edited -->\n</body>", StringComparison.Ordinal));

        Assert.True(_session.Build([layout]).Succeeded);

        Assert.Equal(0, Cache.Pages.Counts.Made);
        Assert.Equal(0, Cache.Renders.Counts.Reused);
        Assert.True(Cache.Renders.Counts.Made > 20, $"{Cache.Renders.Counts.Made} pages rendered");
    }

    [Fact]
    public void A_site_yml_edit_makes_everything_again()
    {
        var config = _site.Combine("input", "site.yml");
        File.AppendAllText(config, "\n# edited\n");

        Assert.True(_session.Build([config]).Succeeded);

        Assert.True(Cache.Cleared);
        Assert.Equal(0, Cache.Pages.Counts.Reused);
        Assert.Equal(0, Cache.Renders.Counts.Reused);
    }

    private string[] Edit(string relative, string find, string replace)
    {
        var path = _site.Combine(relative.Split('/'));
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{relative} has no '{find}' to change");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return [path];
    }
}
