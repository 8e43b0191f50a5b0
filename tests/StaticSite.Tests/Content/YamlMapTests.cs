using StaticSite.Content;
using StaticSite.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace StaticSite.Tests.Content;

/// <summary><see cref="YamlMap"/> finds keys by a scan; it must find what the mapping's own lookup finds.</summary>
public sealed class YamlMapTests
{
    private const string Yaml = "plain: a\n\"quoted\": b\n'single': c\n!!str tagged: d\n? [x]\n: e\nempty:\nnumber: 3\n";

    [Theory]
    [InlineData("plain")]
    [InlineData("quoted")]
    [InlineData("single")]
    [InlineData("tagged")]
    [InlineData("empty")]
    [InlineData("number")]
    [InlineData("missing")]
    [InlineData("[x]")]
    public void Finds_a_key_as_the_mapping_does(string key)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlMap.Parse(Yaml, "page.md", 1, diagnostics, "front matter")!;
        var map = new YamlMap(node, "page.md", 1, diagnostics);
        var expected = node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        Assert.Equal(expected is not null, map.Has(key));
        Assert.Equal((expected as YamlScalarNode)?.Value is { Length: > 0 } text ? text : null, map.String(key));
    }

    [Fact]
    public void A_tagged_key_is_not_the_plain_key_and_is_reported_where_it_stands()
    {
        var diagnostics = new DiagnosticBag();
        var map = new YamlMap(YamlMap.Parse(Yaml, "page.md", 1, diagnostics, "front matter")!, "page.md", 1, diagnostics);
        Assert.Null(map.String("tagged"));
        Assert.Equal((5, 1), map.PositionOfKey("tagged"));
        Assert.Equal((2, 8), map.PositionOfValue("plain"));
    }
}
