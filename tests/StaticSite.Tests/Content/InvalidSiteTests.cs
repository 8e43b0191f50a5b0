using StaticSite.Output;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// Each folder in tests/fixtures/invalid is a site with one author mistake. The build must fail
/// with exactly the messages in its expected.txt (file:line:col, code, words), leave the
/// previous output untouched, and exit 1 from the command line.
/// </summary>
public sealed class InvalidSiteTests
{
    public static TheoryData<string> Cases() => FixtureSite.Cases("invalid");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fails_with_the_expected_messages(string name)
    {
        using var site = new FixtureSite(name);
        var expected = File.ReadAllLines(Path.Combine(Repo.Fixtures, "invalid", name, "expected.txt")).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(expected);

        var result = site.Build();

        Assert.False(result.Succeeded, $"{name} built, but should have failed");
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        foreach (var line in expected)
        {
            // A line ending in ':' names the start of a message whose tail comes from a library (YamlDotNet).
            Assert.True(
                line.EndsWith(':') ? errors.Any(e => e.StartsWith(line, StringComparison.Ordinal)) : errors.Contains(line),
                $"expected:\n{line}\nbut the errors were:\n{string.Join('\n', errors)}");
        }

        Assert.Equal(expected.Count, errors.Count);
    }

    [Fact]
    public void The_base_fixture_itself_builds()
    {
        using var site = new FixtureSite();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void All_errors_of_a_build_are_reported_together()
    {
        using var site = new FixtureSite("broken-link");
        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "heading-skip"), site.Root);
        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "unknown-key"), site.Root);

        var codes = site.Build().Errors.Select(e => e.Code).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["FM002", "HEAD001", "LINK001"], codes);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new FixtureSite();
        Assert.True(site.Build().Succeeded);
        var before = Snapshot(site.Output);

        TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", "broken-link"), site.Root);
        site.Write("input/guide/article.md", "---\ntitle: Changed\ndescription: changed\n---\n\n## Changed\n");
        Assert.False(site.Build().Succeeded);

        Assert.Equal(before, Snapshot(site.Output));
    }

    [Fact]
    public void The_command_line_prints_file_line_column_messages_and_exits_1()
    {
        using var site = new FixtureSite("broken-link");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Cli.CommandLine.Run(["build", "--root", site.Root, "--today", "2026-11-23"], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("input/guide/links.md:9:5: error LINK001: link 'missing.md' goes to no page", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Build failed: 1 error.", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = new FixtureSite();
        site.Write("input/guide/draft.md", "---\ntitle: Not ready\ndescription: A draft.\nlayout: page\ndraft: true\n---\n\nText.\n");

        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "guide", "draft", "index.html")));

        Assert.True(Site.Build(site.Options() with { IncludeDrafts = true }).Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "guide", "draft", "index.html")));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks),
        StringComparer.Ordinal);
}
