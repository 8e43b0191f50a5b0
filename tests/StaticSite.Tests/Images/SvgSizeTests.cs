using System.Text;
using System.Xml;
using StaticSite.Images;

namespace StaticSite.Tests.Images;

/// <summary>An SVG's size on the page, from its root element, as a browser sizes an SVG image.</summary>
public sealed class SvgSizeTests
{
    [Theory]
    [InlineData("""width="400" height="300" viewBox="0 0 800 600" """, 400, 300)]
    [InlineData("""width="400px" height="300px" """, 400, 300)]
    [InlineData("""viewBox="0 0 360.4 480" """, 360, 480)]
    [InlineData("""viewBox="-10,-20,520,580" """, 520, 580)]
    [InlineData("""width="200" viewBox="0 0 20 10" """, 200, 100)]
    [InlineData("""height="100" viewBox="0 0 20 10" """, 200, 100)]
    [InlineData("""width="1in" height="72pt" """, 96, 96)]
    [InlineData("""width="50.8mm" viewBox="0 0 20 10" """, 192, 96)]
    [InlineData("""width="100%" height="100%" viewBox="0 0 30 40" """, 30, 40)]
    [InlineData("""width="2.5em" viewBox="0 0 30 40" """, 30, 40)]
    public void The_size_comes_from_width_height_and_viewbox(string attributes, int width, int height)
    {
        Assert.Equal((width, height), Read($"""<svg xmlns="http://www.w3.org/2000/svg" {attributes}><rect width="1" height="1"/></svg>"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""width="100%" """)]
    [InlineData("""viewBox="0 0 0 10" """)]
    [InlineData("""viewBox="0 0 10" """)]
    public void With_nothing_usable_the_size_is_unknown(string attributes)
    {
        Assert.Null(Read($"""<svg xmlns="http://www.w3.org/2000/svg" {attributes}/>"""));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect>""")]
    [InlineData("""<html xmlns="http://www.w3.org/1999/xhtml"/>""")]
    [InlineData("not xml at all")]
    public void A_file_that_is_not_well_formed_svg_is_an_xml_exception(string text)
    {
        Assert.Throws<XmlException>(() => Read(text));
    }

    [Fact]
    public void A_doctype_is_ignored_and_no_entity_is_expanded()
    {
        var svg = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY big "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20"><text>&big;</text></svg>""";
        Assert.ThrowsAny<XmlException>(() => Read(svg));
        Assert.Equal((10, 20), Read("""<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20"/>"""));
    }

    private static (int, int)? Read(string svg) => SvgSize.Read(new MemoryStream(Encoding.UTF8.GetBytes(svg)));
}
