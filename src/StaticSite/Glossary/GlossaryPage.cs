using System.Net;
using System.Text;

namespace StaticSite.Glossary;

/// <summary>
/// The entries as a description list, in A to Z order, each with an id that articles link to.
/// <c>dfn</c> marks the term being defined; an abbreviation shows what it stands for beside it.
/// </summary>
public static class GlossaryPage
{
    public static string Html(GlossaryIndex glossary)
    {
        var html = new StringBuilder();
        html.Append("<dl class=\"glossary\">\n");
        foreach (var entry in glossary.Entries)
        {
            html.Append("<div class=\"glossary-entry\" id=\"").Append(entry.Id).Append("\">\n<dt><dfn>");
            if (entry.StandsFor is { } standsFor)
            {
                html.Append("<abbr title=\"").Append(WebUtility.HtmlEncode(standsFor)).Append("\">")
                    .Append(WebUtility.HtmlEncode(entry.Term)).Append("</abbr></dfn> (")
                    .Append(WebUtility.HtmlEncode(standsFor)).Append(')');
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(entry.Term)).Append("</dfn>");
            }

            html.Append("</dt>\n<dd>").Append(WebUtility.HtmlEncode(entry.Definition)).Append("</dd>\n</div>\n");
        }

        html.Append("</dl>\n");
        return html.ToString();
    }
}
