using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Glossary;
using StaticSite.Markdown;
using StaticSite.PlainEnglish;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// An exception while processing one page (here from a plain-English rule made to throw on one
/// page, standing for any fault) becomes an error on that page; the other pages are processed as
/// usual, so the build reports every page's errors together instead of crashing on the first.
/// </summary>
public sealed class PageFailureTests
{
    [Fact]
    public void A_page_whose_processing_throws_gets_an_error_and_the_others_are_still_processed()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/boom.md", "---\ntitle: Boom\ndescription: d\nlayout: page\n---\n\nThis page says boom.\n");
        var diagnostics = new DiagnosticBag();
        var options = site.Options();
        var config = SiteConfig.Load(options.ResolvedInput, "input/site.yml", diagnostics, null, null)!;
        var context = new BuildContext(options, config, diagnostics);
        var input = Reader.Read(context, new HashSet<string>(["article", "hub", "home", "page"], StringComparer.Ordinal));
        var processor = new MarkdownProcessor(
            context, MarkdownDialect.Create(), input.Pages.ToDictionary(p => p.SourcePath), new HashSet<string>(), new Dictionary<string, string>(),
            new PlainEnglishRules([new ThrowsOnBoom()]), GlossaryIndex.Empty, new StaticSite.Images.ImageCatalog(context.InputDir));

        // The read stage keeps each page's Markdown apart from the page, for the process stage to hand back.
        var processed = input.Pages.Select(p => processor.Process(p with { Body = input.Bodies[p.SourcePath].Text() })).ToList();

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(
            "input/guide/boom.md: error SS005: the generator failed while processing this file (InvalidOperationException: a fault on purpose); the other files were still checked. Please report this with the file",
            error.ToString());
        Assert.All(processed.Where(p => p.Source.SourcePath != "guide/boom.md"), p => Assert.NotEmpty(p.Html));
        Assert.Empty(Assert.Single(processed, p => p.Source.SourcePath == "guide/boom.md").Html);
    }

    /// <summary>
    /// Quotes nested past Markdig's own limit make it throw; that refusal is known by its message
    /// (see MarkdownNesting.IsDepthLimit), so this pins the message to the Markdig in use.
    /// </summary>
    [Fact]
    public void Quotes_nested_past_Markdig_s_limit_are_an_error_at_their_line()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/deep.md", "---\ntitle: Deep\ndescription: d\nlayout: page\n---\n\nThe first line.\n\n" + new string('>', 5000) + " Too deep.\n");

        var result = site.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("MD001", "input/guide/deep.md", 9), (error.Code, error.Path, error.Line));
    }

    private sealed class ThrowsOnBoom : IProseRule
    {
        public string Code => "TEST";
        public Severity Severity => Severity.Warning;

        public void Check(ProseText prose, ProseReport report)
        {
            if (prose.Text.Contains("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("a fault on purpose");
            }
        }
    }
}
