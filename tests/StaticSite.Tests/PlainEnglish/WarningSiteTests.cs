using StaticSite.Tests.Support;

namespace StaticSite.Tests.PlainEnglish;

/// <summary>
/// Each folder in tests/fixtures/warnings is a site that builds but must warn: exactly the
/// warnings in its expected.txt, each at the file, line and column an author would fix.
/// </summary>
public sealed class WarningSiteTests
{
    public static TheoryData<string> Cases() => FixtureSite.Cases("warnings");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Warns_with_the_expected_messages(string name)
    {
        using var site = new FixtureSite(name, "warnings");
        var expected = File.ReadAllLines(Path.Combine(Repo.Fixtures, "warnings", name, "expected.txt")).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(expected);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warnings = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Equal(expected, warnings);
    }

    [Fact]
    public void The_command_line_prints_each_long_sentence_with_its_line_and_column()
    {
        using var site = new FixtureSite("plain-english", "warnings");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Cli.CommandLine.Run(["build", "--root", site.Root, "--today", "2026-11-23"], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("input/guide/plain.md:13:19: warning READ002: sentence of 29 words", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_not_in_british_english_is_not_told_to_use_british_spelling()
    {
        using var site = new FixtureSite("plain-english", "warnings");
        site.Write("input/site.yml", File.ReadAllText(Path.Combine(site.Root, "input", "site.yml")).Replace("language: en-GB", "language: en-US", StringComparison.Ordinal));

        var codes = site.Build().Diagnostics.Select(d => d.Code).ToList();

        Assert.DoesNotContain("READ003", codes);
        Assert.Contains("READ002", codes);
    }

    [Fact]
    public void The_sentence_limit_comes_from_the_site_settings()
    {
        using var site = new FixtureSite("plain-english", "warnings");
        site.Write("input/site.yml", File.ReadAllText(Path.Combine(site.Root, "input", "site.yml")) + "max_sentence_words: 40\n");

        Assert.DoesNotContain(site.Build().Diagnostics, d => d.Code == "READ002");
    }
}
