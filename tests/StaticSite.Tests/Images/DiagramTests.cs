using System.Globalization;
using System.Xml.Linq;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Images;

/// <summary>
/// The site's diagrams (every SVG in input/), read as files: they bring their own light ground and
/// keep their colours in every mode, so their contrast is worked out here from the colours they
/// use, by WCAG's formula. Text must be readable whatever shape it ends up over (7:1, the site's
/// bar for body text, against every fill in the drawing), and lines and outlines must stand out
/// (3:1, WCAG 1.4.11) against the ground and what they cross. They hold no style, script or
/// outside reference (the site's Content-Security-Policy applies when one is opened on its own),
/// their labels are real text at a readable size, and the Nu Html Checker finds them valid SVG.
/// </summary>
public sealed class DiagramTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every SVG in input/, as a path inside it.</summary>
    private static IReadOnlyList<string> Files { get; } =
        [.. Directory.EnumerateFiles(Repo.Input, "*.svg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Repo.Input, f).Replace('\\', '/'))];

    public static TheoryData<string> Diagrams() => new(Files);

    [Fact]
    public void The_library_has_at_least_two_diagrams()
    {
        Assert.True(Files.Count >= 2, "the issue asks for at least two diagrams in input/");
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void Text_is_at_least_7_to_1_against_every_fill_and_lines_3_to_1_against_what_they_cross(string diagram)
    {
        var svg = Load(diagram);
        // The surfaces text and lines may sit on: every filled shape but the pointers' dots (circles).
        var fills = svg.Descendants().Where(e => IsShape(e) && e.Name.LocalName != "circle").Select(e => Paint(e, "fill")).OfType<string>().Distinct().ToList();
        var problems = new List<string>();

        foreach (var text in svg.Descendants(Svg + "text"))
        {
            var colour = Paint(text, "fill") ?? "#000000";
            problems.AddRange(fills.Where(f => Contrast(colour, f) < 7).Select(f => $"text '{text.Value}' in {colour} on {f}: {Contrast(colour, f):0.00}:1, needs 7:1"));
        }

        // Outlines carry the shapes (the fills are pale, close to the ground), and shapes overlap,
        // so every line, outline and pointer stands out from every fill it could meet.
        foreach (var stroke in svg.Descendants().Where(IsShape).Select(e => Paint(e, "stroke")).OfType<string>().Distinct())
        {
            problems.AddRange(fills.Where(f => Contrast(stroke, f) < 3).Select(f => $"stroke {stroke} on {f}: {Contrast(stroke, f):0.00}:1, needs 3:1"));
        }

        foreach (var dot in svg.Descendants(Svg + "circle"))
        {
            var colour = Paint(dot, "fill")!;
            problems.AddRange(fills.Where(f => Contrast(colour, f) < 3).Select(f => $"dot {colour} on {f}: {Contrast(colour, f):0.00}:1, needs 3:1"));
        }

        Assert.True(problems.Count == 0, diagram + ":\n" + string.Join('\n', problems.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void It_brings_its_own_opaque_ground_covering_the_whole_drawing(string diagram)
    {
        var svg = Load(diagram);
        var first = svg.Elements().First(e => e.Name.LocalName is not ("title" or "desc"));
        Assert.Equal("rect", first.Name.LocalName);
        var box = ViewBox(svg);
        Assert.Equal(box.X, Number(first, "x"));
        Assert.Equal(box.Y, Number(first, "y"));
        Assert.Equal(box.Width, Number(first, "width"));
        Assert.Equal(box.Height, Number(first, "height"));
        Assert.Null(first.Attribute("opacity") ?? first.Attribute("fill-opacity"));
        Assert.True(Luminance(Background(svg)) > 0.9, "the ground is light, so dark text and lines read on it in every mode");
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void Colours_are_attributes_never_styles_and_nothing_is_loaded_or_run(string diagram)
    {
        var svg = Load(diagram);
        var elements = svg.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "style" or "script" or "foreignObject" or "image" or "use" or "a");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a =>
            a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href" || a.Value.Contains("url(", StringComparison.Ordinal));
        // Every colour is one the contrast test can read.
        Assert.All(elements.SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "fill" or "stroke"),
            a => Assert.Matches("^(none|#[0-9a-f]{6})$", a.Value));
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void Labels_are_real_text_at_18_px_or_more_at_the_diagrams_own_size(string diagram)
    {
        var svg = Load(diagram);
        var scale = Number(svg, "width") / ViewBox(svg).Width;
        Assert.Equal(Number(svg, "width") / Number(svg, "height"), ViewBox(svg).Width / ViewBox(svg).Height, 3);
        var texts = svg.Descendants(Svg + "text").ToList();
        Assert.True(texts.Count >= 4, $"{diagram} has {texts.Count} labels");
        Assert.All(texts, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value));
            var size = text.AncestorsAndSelf().Select(e => e.Attribute("font-size")?.Value).First(v => v is not null);
            Assert.True(double.Parse(size!, CultureInfo.InvariantCulture) * scale >= 18, $"'{text.Value}' is {size} at scale {scale}");
        });
        Assert.NotNull(svg.Element(Svg + "title"));
    }

    [NuCheckerFact]
    public void The_nu_html_checker_finds_every_diagram_valid_svg()
    {
        var files = Files.Select(f => Path.Combine(Repo.Input, f)).ToArray();
        Assert.Equal("", NuChecker.ValidateSvg(files));

        // And it really checks SVG: an unknown element and attribute are reported.
        using var temp = new TempDir();
        temp.Write("bad.svg", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><bogus/><rect colour="red" width="1" height="1"/></svg>""");
        Assert.Contains("bogus", NuChecker.ValidateSvg(temp.Combine("bad.svg")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void Each_diagram_is_shown_in_a_figure_with_alt_text_and_a_caption(string diagram)
    {
        Assert.True(fixture.Site.Result.Succeeded, fixture.Site.Errors);
        var src = fixture.Site.BasePath + diagram;
        var shown = fixture.Site.ContentPages.SelectMany(p => p.Value.QuerySelectorAll($"img[src='{src}']").Select(img => (Page: p.Key, Image: img))).ToList();
        Assert.True(shown.Count > 0, $"no page shows {diagram}");
        Assert.All(shown, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Image.GetAttribute("alt")), $"{s.Page}: no alt text");
            var figure = s.Image.ParentElement;
            Assert.Equal("FIGURE", figure?.TagName);
            Assert.False(string.IsNullOrWhiteSpace(figure!.QuerySelector("figcaption")?.TextContent), $"{s.Page}: no caption");
        });
        Assert.DoesNotContain(fixture.Site.Result.Diagnostics, d => d.Code.StartsWith("IMG", StringComparison.Ordinal));
    }

    /// <summary>WCAG contrast ratio of two #rrggbb colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    /// <summary>WCAG relative luminance of a #rrggbb colour.</summary>
    public static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21)]
    [InlineData("#ffffff", "#ffffff", 1)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#0b0c0c", "#f2b8ae", 11.42)]
    public void The_contrast_formula_gives_wcags_figures(string a, string b, double expected)
    {
        Assert.Equal(expected, Contrast(a, b), 2);
    }

    private static XElement Load(string diagram) => XElement.Load(Path.Combine(Repo.Input, diagram));

    private static bool IsShape(XElement e) => e.Name.LocalName is "rect" or "path" or "ellipse" or "circle" or "polygon" or "line" or "polyline";

    /// <summary>A fill or stroke as set on the element or inherited from a group; null for none.</summary>
    private static string? Paint(XElement element, string property) =>
        element.AncestorsAndSelf().Select(e => e.Attribute(property)?.Value).FirstOrDefault(v => v is not null) is { } value && value != "none" ? value : null;

    private static string Background(XElement svg) => Paint(svg.Elements(Svg + "rect").First(), "fill")!;

    private static (double X, double Y, double Width, double Height) ViewBox(XElement svg)
    {
        var n = svg.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (n[0], n[1], n[2], n[3]);
    }

    private static double Number(XElement e, string attribute) =>
        double.Parse(e.Attribute(attribute)?.Value ?? "0", CultureInfo.InvariantCulture);
}
