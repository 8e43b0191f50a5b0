using StaticSite.Content;

namespace StaticSite.Tests.Content;

/// <summary>
/// Splitting front matter was rewritten to cut the body out in one piece; it must give exactly what
/// the line-by-line version gave, kept here as the reference, on every shape of file.
/// </summary>
public sealed class FrontMatterSplitTests
{
    public static TheoryData<string> Files() =>
    [
        "", "---", "---\n", "--- \r\n", "---\n---", "---\n---\n", "---\n---\nbody", "---\na: 1\n---\nbody\n",
        "---\r\na: 1\r\n---\r\nbody\r\n", "---\na\n---", "---\na\nb", "---\na\n", "---\na\n...\nbody",
        "no front matter\n---\n", "\n---\na\n---\n", "---\na\n--- \nb\n---\nc", "---\n\n\n---\n\n\nbody",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Gives_what_the_line_by_line_version_gave(string text) =>
        Assert.Equal(Reference(text), FrontMatter.Split(text));

    [Fact]
    public void Gives_what_the_line_by_line_version_gave_on_every_page_of_the_site()
    {
        var files = Directory.EnumerateFiles(Support.Repo.Input, "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(Reference(File.ReadAllText(f)), FrontMatter.Split(File.ReadAllText(f))));
    }

    private static (string? Yaml, string Body, int EndLine) Reference(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return (null, string.Join('\n', lines), 0);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return (string.Join('\n', lines[1..i]), new string('\n', i + 1) + string.Join('\n', lines[(i + 1)..]), i + 1);
            }
        }

        return (string.Join('\n', lines[1..]), "", -1);
    }
}
