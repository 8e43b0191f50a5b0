using System.Text;
using AngleSharp.Html.Parser;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// publish_date and expiry_date on a fixture site whose day is 2026-11-23: which pages are built,
/// and that a page left out is in no list of the site (sitemap, feed, hub, A to Z).
/// </summary>
public sealed class PublicationTests
{
    private static string Article(string title, string frontMatter) => $"""
        ---
        title: {title}
        description: About {title}.
        condition: {title}
        area: calf
        reviewed: 2026-05-01
        next_review: 2027-05-01
        {frontMatter}
        sources:
          - title: "Sprains and strains"
            publisher: "NHS"
            url: "https://www.nhs.uk/conditions/sprains-and-strains/"
        ---

        ## Section

        Text.
        """;

    /// <summary>Published from tomorrow; taken down today; published today; taken down tomorrow.</summary>
    private static FixtureSite ScheduledSite()
    {
        var site = new FixtureSite();
        site.Write("input/conditions-a-z.md", "---\ntitle: Conditions A to Z\ndescription: Every condition.\nlayout: a-z\n---\n\nFind a condition.\n");
        site.Write("input/guide/tomorrow.md", Article("Tomorrow", "publish_date: 2026-11-24"));
        site.Write("input/guide/expired.md", Article("Expired", "expiry_date: 2026-11-23"));
        site.Write("input/guide/today.md", Article("Today", "publish_date: 2026-11-23"));
        site.Write("input/guide/ending.md", Article("Ending", "expiry_date: 2026-11-24"));
        return site;
    }

    private static bool Built(FixtureSite site, string name) => File.Exists(Path.Combine(site.Output, "guide", name, "index.html"));

    private static string Text(FixtureSite site, string path) => File.ReadAllText(Path.Combine(site.Output, path));

    [Fact]
    public void A_page_before_its_publish_date_or_from_its_expiry_date_is_in_no_output()
    {
        using var site = ScheduledSite();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        Assert.True(Built(site, "today"));
        Assert.True(Built(site, "ending"));
        var parser = new HtmlParser();
        var hub = parser.ParseDocument(Text(site, "guide/index.html")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        var aToZ = parser.ParseDocument(Text(site, "conditions-a-z/index.html")).QuerySelectorAll("main li a").Select(a => a.TextContent).ToList();
        var sitemap = Encoding.UTF8.GetString(result.Files["sitemap.xml"]);
        var feed = Encoding.UTF8.GetString(result.Files["feed.xml"]);
        Assert.Contains("/guide/today/", hub);
        Assert.Contains("Today", aToZ);
        Assert.Contains("/guide/today/", sitemap, StringComparison.Ordinal);
        Assert.Contains("/guide/today/", feed, StringComparison.Ordinal);
        foreach (var name in new[] { "tomorrow", "expired" })
        {
            Assert.False(Built(site, name), $"{name} was built");
            Assert.DoesNotContain($"/guide/{name}/", hub);
            Assert.DoesNotContain($"/guide/{name}/", sitemap, StringComparison.Ordinal);
            Assert.DoesNotContain($"/guide/{name}/", feed, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Tomorrow", aToZ);
        Assert.DoesNotContain("Expired", aToZ);
    }

    [Fact]
    public void Future_and_expired_pages_are_built_when_asked_for_each_on_its_own()
    {
        using var site = ScheduledSite();

        Assert.True(Site.Build(site.Options() with { IncludeFuture = true }).Succeeded);
        Assert.True(Built(site, "tomorrow"));
        Assert.False(Built(site, "expired"));

        Assert.True(Site.Build(site.Options() with { IncludeExpired = true }).Succeeded);
        Assert.False(Built(site, "tomorrow"));
        Assert.True(Built(site, "expired"));
    }

    [Fact]
    public void The_day_compared_with_is_the_builds_today()
    {
        using var site = ScheduledSite();

        Assert.True(Site.Build(site.Options() with { Today = new DateOnly(2026, 11, 24) }).Succeeded);

        Assert.True(Built(site, "tomorrow"));
        Assert.False(Built(site, "ending"));
    }

    [Theory]
    [InlineData("--future", "tomorrow")]
    [InlineData("--expired", "expired")]
    public void The_command_line_takes_future_and_expired(string flag, string page)
    {
        using var site = ScheduledSite();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(0, Cli.CommandLine.Run(["build", "--root", site.Root, "--today", "2026-11-23"], stdout, stderr));
        Assert.False(Built(site, page));
        Assert.Equal(0, Cli.CommandLine.Run(["build", "--root", site.Root, "--today", "2026-11-23", flag], stdout, stderr));
        Assert.True(Built(site, page), stderr.ToString());
    }
}
