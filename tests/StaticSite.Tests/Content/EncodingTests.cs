using System.Text;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// Text in input/ is UTF-8. A byte that is not UTF-8 used to be published as U+FFFD, a "?" in a
/// box where the author wrote a letter; now it is an error at its line and column. (Pages and the
/// glossary: tests/fixtures/invalid/invalid-utf8.)
/// </summary>
public sealed class EncodingTests
{
    [Fact]
    public void A_bad_byte_in_site_yml_is_an_error_at_its_line_and_column()
    {
        using var site = new FixtureSite();
        File.WriteAllBytes(Path.Combine(site.Root, "input", "site.yml"),
            [.. File.ReadAllBytes(Path.Combine(site.Root, "input", "site.yml")), .. "name2: Caf"u8, 0xE9, (byte)'\n']);

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/site.yml:8:11: error IN002: the file is not valid UTF-8: byte 0xE9 here is not part of any character; save the file as UTF-8", error.ToString());
    }

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_is_published_as_written()
    {
        using var site = new FixtureSite();
        var page = "---\ntitle: Café\ndescription: A café.\nlayout: page\n---\n\nA café au lait, naïve, 20 °C, “quoted”.\n";
        File.WriteAllBytes(Path.Combine(site.Root, "input", "guide", "cafe.md"), [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(page)]);
        site.Write("input/guide/plain.md", page.Replace("Café", "Plain café", StringComparison.Ordinal));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        foreach (var output in new[] { "guide/cafe/index.html", "guide/plain/index.html" })
        {
            var html = File.ReadAllText(Path.Combine(site.Output, output));
            Assert.Contains("A café au lait, naïve, 20 °C, “quoted”.", html, StringComparison.Ordinal);
            Assert.DoesNotContain('\uFFFD', html);
        }
    }

    [Fact]
    public void The_column_counts_characters_not_bytes()
    {
        var diagnostics = new DiagnosticBag();

        var text = InputText.Decode([.. "first line\n"u8, .. "ééé"u8, 0xC3], "input/page.md", diagnostics);

        Assert.Null(text);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal((2, 4), (error.Line, error.Column));
    }
}
