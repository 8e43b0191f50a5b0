using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Checks;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Checks;

/// <summary>
/// The page rules read pages through <see cref="PageHtml"/>, not a full DOM. Held against
/// AngleSharp (a browser-grade HTML parser): every page of the real site, and snippets that
/// exercise the tokenizer and the end tags browsers imply, must give the same elements in the same
/// order, with the same attributes, the same text where rules read it, and the same title.
/// </summary>
public sealed class PageHtmlTests(RealSiteFixture real) : IClassFixture<RealSiteFixture>
{
    [Fact]
    public void Every_page_of_the_real_site_reads_as_AngleSharp_reads_it()
    {
        var pages = Directory.EnumerateFiles(real.Site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages were built");
        foreach (var file in pages)
        {
            AssertSameAsBrowser(File.ReadAllText(file), Path.GetRelativePath(real.Site.Output, file));
        }
    }

    [Theory]
    [InlineData("<!doctype html><html lang=\"en-GB\"><head><title> Calf  pain\n here </title></head><body><h1>Hi</h1></body></html>")]
    [InlineData("<p>one<p>two<div>three</div><p>four")]
    [InlineData("<ul><li>one<li>two<ul><li>inner</ul><li>three</ul>")]
    [InlineData("<dl><dt>term<dd>meaning<dt>next<dd>more</dl>")]
    [InlineData("<table><tr><td>a<td>b<tr><th>c</table><p>after")]
    [InlineData("<select><option>a<option>b<optgroup label=x><option>c</select>")]
    [InlineData("<h2>one<h3>two</h3></h2><h4>x</h4>")]
    [InlineData("<a href=/a>one<a href=/b>two</a></a>")]
    [InlineData("<script>if (a < b && c) { document.write('<p id=x>'); }</script><p id=y>")]
    [InlineData("<style>p > a { }</style><textarea id=t><b>not a tag</b> &amp;</textarea><title>A &amp; B</title>")]
    [InlineData("<!-- <p id=hidden> --><p id=shown>x<!----><!---><!-->y</p>")]
    [InlineData("<div id=a id=b ID=c class = 'q' data-x=\"1 > 2\" hidden>z</div>")]
    [InlineData("<a href=\"/x?a=1&amp;b=2\" title='It&#39;s'>caf&eacute; &nbsp;&lt;</a>")]
    [InlineData("<img src=a.png alt=\"\"/><br/><input type=text id=f><label for=f>F</label><div/>inside")]
    [InlineData("<svg viewBox=\"0 0 1 1\"><title>icon</title><path d=\"M0\"/><script>x</script><a href=\"#p\"><text>t</text></a></svg><p>after")]
    [InlineData("<math><mi>x</mi><mtext><b>bold</b></mtext></math><em>e</em>")]
    [InlineData("<template><h1 id=t>not shown</h1></template><h1>shown</h1>")]
    [InlineData("<p>a < b and c<d</p><p>x</ p>y</>z")]
    [InlineData("<label>Name <input id=n></label><button>one<button>two</button>")]
    [InlineData("<div><span>unclosed</div><section>s</section>")]
    [InlineData("<?xml version='1.0'?><!DOCTYPE html><p>text</p>")]
    [InlineData("<p>trailing <")]
    [InlineData("<p title='unclosed>text")]
    [InlineData("<meta http-equiv=refresh content=\"0; url=/x/\"><HTML LANG=cy><P CLASS=x>Upper</P>")]
    [InlineData("<p title=\"&check; &copy 2024 &notit; &notin; &amp\">&check; &copy 2024 &notit; &notin; &amp x &ampersand &Amp; &AMP</p>")]
    [InlineData("<a href=\"/x?a=1&copy=2&copyb&copy;&not&ampersand\" title=&amp=1>&copy=2 &copyb &nosuch; &</a>")]
    [InlineData("<p title=\"&#0;&#x80;&#150;&#xD800;&#1114112;&#x;&#;&#65&#x41x&#X1F600;&#x81;\">&#0;&#x80;&#150;&#xD800;&#99999999999;&#x;&#;&#65&#x41x &#X1F600; &#13;</p>")]
    [InlineData("<h2 id=\"a&CounterClockwiseContourIntegral;b\">&CounterClockwiseContourIntegral; &CounterClockwiseContourIntegralx; &NotEqualTilde;</h2>")]
    public void Tricky_html_reads_as_AngleSharp_reads_it(string html) => AssertSameAsBrowser(html, html);

    private static void AssertSameAsBrowser(string html, string name)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var expected = Elements(document.DocumentElement).Where(e => e.LocalName is not ("head" or "body")).ToList();
        var page = PageHtml.Parse(html);
        var actual = page.Elements.Where(e => !e.Inert && e.LocalName is not ("head" or "body")).ToList();

        Assert.True(expected.Count == actual.Count,
            $"{name}: {expected.Count} elements in AngleSharp, {actual.Count} read\n  {string.Join(" ", expected.Select(e => e.LocalName.ToLowerInvariant()))}\n  {string.Join(" ", actual.Select(e => e.LocalName))}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], actual[i]);
            var where = $"{name}: element {i} <{want.LocalName}>";
            Assert.True(want.LocalName.ToLowerInvariant() == got.LocalName, $"{where} read as <{got.LocalName}>");
            Assert.Equal(
                want.Attributes.Select(a => (a.Name.ToLowerInvariant(), a.Value)),
                got.Attributes.Select(a => (a.Name, a.Value)));
            Assert.True(want is IHtmlElement == got.IsHtml, $"{where}: namespace differs");
            if (want.LocalName is "a" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "title" or "label" or "button" or "li" or "p")
            {
                Assert.True(want.TextContent == got.TextContent, $"{where}: text '{want.TextContent}' read as '{got.TextContent}'");
            }

            var (wantAncestors, gotAncestors) = (
                string.Join(" ", want.GetAncestors().OfType<IElement>().Where(a => a.LocalName is not ("head" or "body")).Select(a => a.LocalName.ToLowerInvariant())),
                string.Join(" ", got.Ancestors.Where(a => a.LocalName is not ("head" or "body")).Select(a => a.LocalName)));
            Assert.True(wantAncestors == gotAncestors, $"{where}: ancestors '{wantAncestors}' read as '{gotAncestors}'");
            var (wantDescendants, gotDescendants) = (
                string.Join(" ", want.GetDescendants().OfType<IElement>().Where(d => d.LocalName is not ("head" or "body")).Select(d => d.LocalName.ToLowerInvariant())),
                string.Join(" ", got.Descendants.Where(d => !d.Inert && d.LocalName is not ("head" or "body")).Select(d => d.LocalName)));
            Assert.True(wantDescendants == gotDescendants, $"{where}: descendants '{wantDescendants}' read as '{gotDescendants}'");
        }

        Assert.Equal(document.Title?.Trim() ?? "", page.Title);
    }

    /// <summary>Every element in document order, as the walk used to visit them: a template's contents are not its children.</summary>
    private static IEnumerable<IElement> Elements(IElement root)
    {
        yield return root;
        foreach (var child in root.Children)
        {
            foreach (var element in Elements(child))
            {
                yield return element;
            }
        }
    }

    [Fact]
    public void A_page_whose_html_tag_is_missing_has_a_root_without_lang()
    {
        var page = PageHtml.Parse("<p lang=en>text</p>");
        Assert.Equal("html", page.Root.LocalName);
        Assert.Null(page.Root.GetAttribute("lang"));
        Assert.Equal("", page.Title);
    }
}
