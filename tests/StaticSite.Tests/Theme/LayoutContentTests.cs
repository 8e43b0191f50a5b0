using AngleSharp.Html.Parser;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Theme;

/// <summary>
/// A layout's <c>content</c> (the page's HTML, or a child layout's output) reaches the layout as
/// markup that is copied into the page without a string of it being made. Whatever else a theme
/// does with it must work as it would on a string: filters, comparisons, <c>.size</c>, and a
/// parent layout reading its child's output.
/// </summary>
public sealed class LayoutContentTests
{
    [Fact]
    public void Content_behaves_as_a_string_in_filters_conditions_and_parent_layouts()
    {
        using var site = new FixtureSite();
        site.Write("theme/layouts/probe.liquid", """
            ---
            layout: page
            ---
            {{ content }}
            <p class="probe">{{ content | size }}|{{ content.size }}|{% if content contains "Knee" %}has knee{% endif %}|{{ content | strip_html | strip }}|{% if content == "" %}empty{% else %}not empty{% endif %}|{{ content | upcase | strip_html | strip }}</p>
            """);
        site.Write("input/guide/probe.md", "---\ntitle: Probe\ndescription: Layout content.\nlayout: probe\n---\n\nKnee pain.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        using var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "guide", "probe", "index.html")));
        // The fragment is "<p>Knee pain.</p>\n": 18 characters.
        Assert.Equal("18|18|has knee|Knee pain.|not empty|KNEE PAIN.", page.QuerySelector("p.probe")!.TextContent);
        // The page layout, and base above it, still wrap the probe layout's whole output.
        Assert.Equal(2, page.QuerySelectorAll("main p").Length);
        Assert.NotNull(page.QuerySelector("main p.probe"));
        Assert.Equal("Knee pain.", page.QuerySelector("main p")!.TextContent);
    }
}
