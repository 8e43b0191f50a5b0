using System.Text;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Markdown;

/// <summary>
/// A page's HTML fragment is encoded to UTF-8 straight from the renderer's buffer, chunk by chunk.
/// A character outside the Basic Multilingual Plane (an emoji) is two UTF-16 units, and a chunk
/// may end between them: the page must still come out whole, never with U+FFFD in their place.
/// </summary>
public sealed class FragmentEncodingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    public void Characters_split_between_buffer_chunks_come_out_whole(string shift)
    {
        // Thousands of pairs, each 3 units with its space, from three starting offsets: wherever the
        // buffer's chunks end, in one of the three pages some pair is cut in two.
        var runners = string.Concat(Enumerable.Repeat("🏃 ", 4000));
        using var site = new FixtureSite();
        site.Write("input/guide/runners.md", $"---\ntitle: Runners\ndescription: Many runners.\nlayout: page\n---\n\n{shift}{runners}\n\n{shift}£ é 日本語 {runners}\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        var html = File.ReadAllText(Path.Combine(site.Output, "guide", "runners", "index.html"), new UTF8Encoding(false, throwOnInvalidBytes: true));
        Assert.DoesNotContain('\uFFFD', html);
        Assert.Equal(8000, html.Split("🏃").Length - 1);
        Assert.Contains($"{shift}£ é 日本語 🏃", html, StringComparison.Ordinal);
    }
}
