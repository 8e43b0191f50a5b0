using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>The soleus article on A4, read back as text with pdftotext.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintTests(BrowserFixture browser)
{
    private const string Article = "leg-and-knee/soleus-pain-when-running/";

    [BrowserFact(NeedsPdfToText = true)]
    public async Task The_article_prints_its_content_without_navigation_on_at_most_8_a4_pages()
    {
        var html = browser.Site.Page(Article + "index.html");
        var pdf = await PrintAsync();

        var text = Flatten(pdf.Text);
        var headings = html.QuerySelectorAll("main h1, main .article__body h2, main .article__body h3, main .article__body h4, main legend")
            .Select(h => Flatten(h.TextContent)).ToList();
        var items = html.QuerySelectorAll("main .checklist__item label").Select(l => Flatten(l.TextContent)).ToList();
        Assert.True(headings.Count > 10 && items.Count > 5, "the article should have many headings and checklist items");
        Assert.All(headings.Concat(items), expected => Assert.Contains(expected, text));

        Assert.DoesNotContain("Skip to main content", text);
        Assert.DoesNotContain("On this page", text);
        Assert.DoesNotContain("Print this checklist", text);
        var lines = pdf.Text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.DoesNotContain("Home", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Home Leg and knee", StringComparison.Ordinal));

        // On paper the reader needs where links go, in full, and the page's own address once.
        var unbroken = Regex.Replace(pdf.Text, @"\s+", "");
        Assert.Contains("(https://leg-and-knee.netlify.app/leg-and-knee/calf-strain/)", unbroken);
        Assert.Contains("(https://www.nhs.uk/conditions/sprains-and-strains/)", unbroken);
        Assert.Equal(1, Count(text, "This page online: https://leg-and-knee.netlify.app/" + Article));
        Assert.Equal(1, Count(text, "Page last reviewed: 30 November 2026"));
        // Care cards say their level in words, because paper has no colour.
        Assert.Contains("Immediate action required: Call 999 or go to A&E", text);

        Assert.InRange(pdf.Pages, 1, 8);
    }

    [BrowserFact(NeedsPdfToText = true)]
    public async Task Print_this_checklist_prints_the_title_and_that_checklist_only()
    {
        // The script marks the body and the checklist before calling print(); the stylesheet
        // does the rest. Here the test sets the same classes the script sets.
        var pdf = await PrintAsync("""
            () => {
                document.body.classList.add('printing-checklist');
                document.querySelectorAll('fieldset.checklist')[1].classList.add('checklist--printing');
            }
            """);

        var text = Flatten(pdf.Text);
        Assert.Contains("Why does my soleus hurt when I run?", text);
        Assert.Contains("Less common symptoms of soleus pain", text);
        Assert.Contains("Numbness or tingling:", text);
        Assert.Contains("This page online:", text);
        Assert.DoesNotContain("Common symptoms of soleus pain Tick", text);
        Assert.DoesNotContain("Introduction", text);
        Assert.DoesNotContain("Related pages", text);
        Assert.DoesNotContain("Sources", text);
        Assert.Equal(1, pdf.Pages);
    }

    private async Task<(string Text, int Pages)> PrintAsync(string? prepare = null)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url(Article));
        if (prepare is not null)
        {
            await page.EvaluateAsync(prepare);
        }

        using var temp = new TempDir();
        var file = temp.Combine("article.pdf");
        await page.PdfAsync(new() { Path = file, Format = "A4" });
        var text = await PdfToTextAsync(file);
        // pdftotext ends every page with a form feed.
        return (text, text.Count(c => c == '\f'));
    }

    private static async Task<string> PdfToTextAsync(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo(Chromium.PdfToText!, ["-enc", "UTF-8", pdf, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
        return await output;
    }

    /// <summary>Text as one line with single spaces, so wrapping on paper does not matter.</summary>
    private static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    private static int Count(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
