using AngleSharp.Html.Parser;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>input/_data/*.yml as site.data.NAME in layouts, read from built pages.</summary>
public sealed class DataFilesTests
{
    private static string Footer(FixtureSite site, string outputPath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, outputPath))).QuerySelector("footer")!.TextContent;

    [Fact]
    public void The_footer_help_lines_come_from_the_help_data_file()
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        Assert.Contains("In an emergency, call 999. For urgent advice, call NHS 111.", Footer(site, "index.html"), StringComparison.Ordinal);
        Assert.Contains("Fixture Site gives general information about leg and knee pain for runners.", Footer(site, "index.html"), StringComparison.Ordinal);

        site.Write("input/_data/help.yml", "about: knee pain\nlines:\n  - Call 112 in an emergency.\n  - Ask a pharmacist for advice.\n");
        Assert.True(site.Build().Succeeded);

        var footer = Footer(site, "guide/article/index.html");
        Assert.Contains("Fixture Site gives general information about knee pain.", footer, StringComparison.Ordinal);
        Assert.Contains("Call 112 in an emergency. Ask a pharmacist for advice.", footer, StringComparison.Ordinal);
        Assert.DoesNotContain("999", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_help_file_the_footer_has_no_empty_lines()
    {
        using var site = new FixtureSite();
        File.Delete(Path.Combine(site.Root, "input", "_data", "help.yml"));

        Assert.True(site.Build().Succeeded);

        var paragraphs = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "index.html"))).QuerySelectorAll("footer p").Select(p => p.TextContent).ToList();
        Assert.Equal(["Fixture Site gives general information. It does not replace advice from a health professional."], paragraphs);
    }

    [SymlinkFact]
    public void A_data_file_that_links_outside_input_is_not_read() => LinkedOutsideIsRefused("input/_data/help.yml");

    [SymlinkFact]
    public void A_defaults_file_that_links_outside_input_is_not_read() => LinkedOutsideIsRefused("input/guide/_defaults.yml");

    /// <summary>Data and defaults reach every page, so a link out of input/ is refused as the walk refuses one.</summary>
    private static void LinkedOutsideIsRefused(string path)
    {
        using var site = new FixtureSite();
        using var outside = new TempDir();
        outside.Write("secret.yml", "about: a secret\nhistory: a secret\n");
        File.Delete(Path.Combine(site.Root, path));
        File.CreateSymbolicLink(Path.Combine(site.Root, path), outside.Combine("secret.yml"));

        var result = site.Build();

        Assert.Equal([$"{path}: error IN003: this file is a symbolic link that leads outside input/, so it is not read; copy what it points to into input/ instead"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Maps_lists_numbers_true_false_and_quoted_text_reach_layouts_as_liquid_values()
    {
        using var site = new FixtureSite();
        site.Write("input/_data/facts.yml", """
            name: Fixture facts
            count: 41
            shown: true
            hidden: false
            phone: 0800 123 4567
            code: 01234
            list: [one, two]
            nested:
              deep: "quoted: text"
              empty:
            """);
        site.Write("theme/layouts/facts.liquid", """
            ---
            layout: page
            ---
            {{ content }}
            <p class="facts">{{ site.data.facts.name }}|{{ site.data.facts.count | plus: 1 }}|{% if site.data.facts.shown %}shown{% endif %}|{% if site.data.facts.hidden %}hidden{% endif %}|{{ site.data.facts.phone }}|{{ site.data.facts.code }}|{% for item in site.data.facts.list %}{{ item }};{% endfor %}|{{ site.data.facts.nested.deep }}|{{ site.data.facts.nested.empty | default: "none" }}</p>
            """);
        site.Write("input/guide/facts.md", "---\ntitle: Facts\ndescription: Data file values.\nlayout: facts\n---\n\nFacts.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var facts = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "guide", "facts", "index.html"))).QuerySelector("p.facts")!.TextContent;
        Assert.Equal("Fixture facts|42|shown||0800 123 4567|01234|one;two;|quoted: text|none", facts);
    }
}
