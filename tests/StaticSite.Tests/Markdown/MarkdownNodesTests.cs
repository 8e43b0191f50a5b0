using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Content;
using StaticSite.Markdown;
using StaticSite.Markdown.Components;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// The process stage reads each page's nodes from one list (<see cref="MarkdownNodes"/>) instead
/// of walking the tree with Markdig's <c>Descendants</c> for every step. The list must hold the
/// very nodes those walks give, in the same order: link order decides which image loads first,
/// and heading order which ids are taken.
/// </summary>
public sealed class MarkdownNodesTests
{
    private static readonly MarkdownDialect Dialect = MarkdownDialect.Create();

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "# Title\n\nA *very [nested](a.md) link* and ![an image](b.png) in **bold [text ![icon](c.png)](d.md)**.\n",
            "> quote with [a link](e.md)\n>\n> - a list in a quote\n>   - nested *deeper [link](f.md)*\n",
            "::: checklist Do you have\n- pain in the calf\n- swelling\n:::\n\n## After\n\n| a | b |\n|---|---|\n| [x](g.md) | `code` |\n",
            "<div>raw <b>html</b></div>\n\nText with <span>inline</span> html and https://example.org/ bare.\n",
            "",
        };
        foreach (var file in Directory.EnumerateFiles(Repo.Input, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(FrontMatter.Split(File.ReadAllText(file)).Body);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void One_walk_lists_what_each_walk_of_the_tree_gives(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Dialect.For(markdown));
        var nodes = MarkdownNodes.Of(document);

        Assert.Null(nodes.FirstTooDeep);
        Assert.Equal(document.Descendants().ToList(), nodes.All);
        Assert.Equal(document.Descendants<Block>().ToList(), nodes.OfType<Block>().ToList());
        Assert.Equal(document.Descendants<HeadingBlock>().ToList(), nodes.OfType<HeadingBlock>().ToList());
        Assert.Equal(document.Descendants<ChecklistBlock>().ToList(), nodes.OfType<ChecklistBlock>().ToList());
        Assert.Equal(document.Descendants<LinkInline>().ToList(), nodes.OfType<LinkInline>().ToList());
        Assert.Equal(document.Descendants().Any(n => n is HtmlBlock or HtmlInline), nodes.HasRawHtml);
    }

    [Fact]
    public void The_walk_stops_at_the_first_node_nested_too_deep()
    {
        var markdown = "Fine.\n\n" + new string('>', MarkdownNesting.MaxDepth + 5) + " deep\n";
        var document = Markdig.Markdown.Parse(markdown, Dialect.Full);

        var tooDeep = MarkdownNodes.Of(document).FirstTooDeep;

        Assert.NotNull(tooDeep);
        Assert.Equal(2, tooDeep.Line);
    }
}
