using AngleSharp.Html.Parser;
using StaticSite.Content;
using StaticSite.Markdown;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// Pages without a bare address are parsed without the AutoLinks extension, which is slow to try at
/// every h, f, m and w (see <see cref="MarkdownDialect"/>). That must change nothing a reader gets:
/// bare addresses still become links, and every other page comes out as the full dialect makes it.
/// </summary>
public sealed class MarkdownDialectTests
{
    private static readonly MarkdownDialect Dialect = MarkdownDialect.Create();

    [Fact]
    public void Bare_addresses_still_become_links()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/addresses.md",
            "---\ntitle: Addresses\ndescription: Where to read more.\nlayout: page\n---\n\nRead more at https://www.nhs.uk/conditions/ today.\n\nOr write to mailto:help@example.org about it.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        using var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "guide", "addresses", "index.html")));
        var links = page.QuerySelectorAll("main a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("https://www.nhs.uk/conditions/", "https://www.nhs.uk/conditions/"), links);
        Assert.Contains(("mailto:help@example.org", "help@example.org"), links);
    }

    [Theory]
    [InlineData("See https://example.org.", true)]
    [InlineData("See HTTP://EXAMPLE.ORG.", true)]
    [InlineData("See ftp://example.org.", true)]
    [InlineData("See WWW.example.org.", true)]
    [InlineData("Write to MailTo:someone@example.org.", true)]
    [InlineData("The hamstring, the foot and the wrist: when, what, why, how, from, might, must.", false)]
    [InlineData("A colon: then slashes // apart, and a www that ends no address.", false)]
    [InlineData("mailto:someone@example.org", true)]
    [InlineData("Ends with a colon:", false)]
    [InlineData("Mail to: the clinic", false)]
    public void The_full_dialect_is_used_whenever_an_address_may_be_in_the_text(string markdown, bool full)
    {
        Assert.Equal(full, MarkdownDialect.MayHaveBareAddress(markdown));
        Assert.Equal(full, ReferenceEquals(Dialect.For(markdown), Dialect.Full));
    }

    /// <summary>Every page of the real site, and some text built to split at h, f, m and w, rendered both ways.</summary>
    [Fact]
    public void Pages_without_an_address_come_out_as_the_full_dialect_makes_them()
    {
        var bodies = Directory.EnumerateFiles(Repo.Input, "*.md", SearchOption.AllDirectories)
            .Select(f => FrontMatter.Split(File.ReadAllText(f)).Body)
            .Append("**Warm up** with walking: *when* it hurts, wait. From my [home](/) with `mw` and _fh_.\n\n- heel\n- foot\n")
            .ToList();
        var twin = bodies.Where(b => !ReferenceEquals(Dialect.For(b), Dialect.Full)).ToList();

        Assert.True(twin.Count > 20, $"only {twin.Count} texts without an address");
        Assert.All(twin, body => Assert.Equal(Html(body, Dialect.Full), Html(body, Dialect.For(body))));
    }

    private static string Html(string markdown, Markdig.MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Dialect.Full.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }
}
