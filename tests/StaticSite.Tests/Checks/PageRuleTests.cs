using System.Reflection;
using AngleSharp.Dom;
using StaticSite.Checks;
using StaticSite.Diagnostics;
using StaticSite.Markdown;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Checks;

/// <summary>
/// The check stage as rules: each rule is listed once, says something no other rule says, and
/// reports at the Markdown line its author wrote, even when an href is written twice.
/// </summary>
public sealed class PageRuleTests
{
    [Fact]
    public void Every_rule_is_registered_exactly_once_with_its_own_code_and_message()
    {
        var rules = CheckRules.Create();
        var registered = rules.Select(r => r.GetType()).ToList();
        var written = typeof(ICheckRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICheckRule).IsAssignableFrom(t))
            .ToList();

        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.Equal(written.OrderBy(t => t.FullName, StringComparer.Ordinal), registered.OrderBy(t => t.FullName, StringComparer.Ordinal));
        var pairs = rules.Select(r => (r.Code, r.Message)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(rules, r => Assert.Equal(r.GetType(), rules.Single(o => o.Code == r.Code && o.Message == r.Message).GetType()));

        // Codes live in one place (Codes.cs), so authors can search for them.
        var codes = typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        Assert.All(rules, r => Assert.Contains(r.Code, codes));
        // Each rule runs in exactly one place: a page's Markdown, the walk of a page, or the site pass after it.
        Assert.All(rules, r => Assert.True(
            new[] { r is IMarkdownRule, r is IPageRule, r is ISiteRule }.Count(kind => kind) == 1,
            $"{r.GetType().Name} must be one of a Markdown rule, a page rule or a site rule"));
    }

    [Fact]
    public void Page_rules_name_elements_as_the_parser_writes_them()
    {
        // The walk matches names exactly, and the HTML parser writes tag names in lower case;
        // '*' means "starting with" only at the end of an attribute name.
        foreach (var rule in CheckRules.Create().OfType<IPageRule>())
        {
            Assert.All(rule.Elements, name => Assert.Equal(name.ToLowerInvariant(), name));
            Assert.All(rule.Attributes, name => Assert.DoesNotContain('*', name.TrimEnd('*')));
        }
    }

    [Fact]
    public void Kept_facts_hold_strings_never_a_dom_node()
    {
        // A kept element keeps its page's whole DOM alive to the end of the stage.
        foreach (var type in new[] { typeof(PageFacts), typeof(PageReference) })
        {
            foreach (var property in type.GetProperties())
            {
                Assert.False(typeof(INode).IsAssignableFrom(property.PropertyType) || property.PropertyType == typeof(PageElement) || property.PropertyType == typeof(PageHtml), $"{type.Name}.{property.Name} is a DOM node");
                Assert.DoesNotContain(property.PropertyType.GetGenericArguments(), a => typeof(INode).IsAssignableFrom(a));
            }
        }
    }

    [Fact]
    public void The_nth_occurrence_of_an_href_is_the_nth_markdown_link_with_it()
    {
        var first = new LinkRef("a.md", "/a/", "a/index.html", null, 3, 5);
        var other = new LinkRef("b.md", "/b/", "b/index.html", null, 4, 1);
        var second = new LinkRef("a.md", "/a/", "a/index.html", null, 9, 7);
        var positions = new MarkdownPositions([first, other, second]);

        Assert.Same(first, positions.Next("/a/"));
        Assert.Same(other, positions.Next("/b/"));
        Assert.Same(second, positions.Next("/a/"));
        // The layout repeating an href after the author's links: the last link the author wrote.
        Assert.Same(second, positions.Next("/a/"));
        Assert.Null(positions.Next("/c/"));
        Assert.Null(new MarkdownPositions([]).Next("/a/"));
    }

    [Fact]
    public void The_same_href_linked_twice_reports_the_second_link_at_its_own_line()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/twice.md", """
            ---
            title: Twice
            description: Links to one missing section twice.
            layout: page
            ---

            Read [the first section](article.md#first-section), then [the third](article.md#third-section).

            Later, read [the third section](article.md#third-section) again.
            """);

        var errors = site.Build().Errors.Select(e => e.ToString()).ToList();

        const string Message = "error LINK002: link '/guide/article/#third-section' goes to '#third-section', but input/guide/article.md has no element with that id";
        Assert.Equal([$"input/guide/twice.md:7:58: {Message}", $"input/guide/twice.md:9:13: {Message}"], errors);
    }
}
