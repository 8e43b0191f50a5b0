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
        // White space a trim removes that is not ASCII; text around the fences that is not ASCII.
        "---\u00A0\ntitle: Café\n---\u2003\nBody ’quoted’ 🏃\n", "---\ntitle: x\n...\u00A0\né\n", "---é\na\n---\nb",
        "---\ntitle: 日本語\n----\n---\nbody\n", "---\na\n---x\n...\n", "---\na\n---\n\n",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Gives_what_the_line_by_line_version_gave(string text) =>
        Assert.Equal(Reference(text), FrontMatter.Split(text));

    /// <summary>The build splits a file's bytes, leaving the body in them: the same YAML, body and line.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Splitting_the_files_bytes_gives_what_splitting_its_text_gives(string text) =>
        Assert.Equal(Reference(text), OfBytes(text));

    [Fact]
    public void Gives_what_the_line_by_line_version_gave_on_every_page_of_the_site()
    {
        var files = Directory.EnumerateFiles(Support.Repo.Input, "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(Reference(File.ReadAllText(f)), FrontMatter.Split(File.ReadAllText(f))));
        Assert.All(files, f => Assert.Equal(Reference(File.ReadAllText(f)), OfBytes(File.ReadAllText(f))));
    }

    private static (string? Yaml, string Body, int EndLine) OfBytes(string text)
    {
        var (yaml, body, endLine) = FrontMatter.Split(System.Text.Encoding.UTF8.GetBytes(text).AsMemory());
        return (yaml, body.Text(), endLine);
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
