using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace StaticSite.Images;

/// <summary>
/// An SVG's size in CSS pixels, from its root element: <c>width</c> and <c>height</c> when they are
/// absolute lengths, the missing one worked out from the <c>viewBox</c>'s shape, or the viewBox's
/// own size when neither is given (as browsers size an SVG image with no width or height: 300 × 150
/// only when there is no viewBox either, which is reported instead of guessed).
/// </summary>
public static partial class SvgSize
{
    /// <summary>The size, or null when the root says nothing usable. Throws <see cref="XmlException"/> for a file that is not well-formed XML or not SVG.</summary>
    public static (int Width, int Height)? Read(Stream svg)
    {
        // No DTD processing and no resolver: an SVG from anywhere cannot make the build fetch or expand anything.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(svg, settings);
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "svg")
        {
            throw new XmlException($"the root element is <{reader.LocalName}>, not <svg>");
        }

        var size = Size(Length(reader.GetAttribute("width")), Length(reader.GetAttribute("height")), ViewBox(reader.GetAttribute("viewBox")));

        // Read to the end: a browser shows nothing at all for an SVG that is cut short or not well formed.
        while (reader.Read())
        {
        }

        return size;
    }

    private static (int, int)? Size(double? width, double? height, (double Width, double Height)? box)
    {
        var (w, h) = (width, height, box) switch
        {
            ({ } ww, { } hh, _) => (ww, hh),
            ({ } ww, null, { } b) => (ww, ww * b.Height / b.Width),
            (null, { } hh, { } b) => (hh * b.Width / b.Height, hh),
            (null, null, { } b) => (b.Width, b.Height),
            _ => (0.0, 0.0),
        };
        return w > 0 && h > 0 ? (Pixels(w), Pixels(h)) : null;
    }

    private static int Pixels(double value) => Math.Max(1, (int)Math.Round(value, MidpointRounding.AwayFromZero));

    private static double? Length(string? value)
    {
        var match = value is null ? null : LengthPattern().Match(value);
        return match is { Success: true }
            && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number > 0
            ? number * PixelsPer(match.Groups[2].Value)
            : null;
    }

    /// <summary>CSS pixels per unit. Relative units (%, em) say nothing about the file's own size, so the pattern leaves them out.</summary>
    private static double PixelsPer(string unit) => unit switch
    {
        "pt" => 96 / 72.0,
        "pc" => 16,
        "mm" => 96 / 25.4,
        "cm" => 96 / 2.54,
        "in" => 96,
        _ => 1,
    };

    private static (double, double)? ViewBox(string? value)
    {
        var parts = (value ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        return numbers.Any(double.IsNaN) || numbers[2] <= 0 || numbers[3] <= 0 ? null : (numbers[2], numbers[3]);
    }

    [GeneratedRegex(@"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")]
    private static partial Regex LengthPattern();
}
