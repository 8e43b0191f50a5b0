using System.Net;
using System.Text;
using StaticSite.Diagnostics;

namespace StaticSite.Preview;

/// <summary>
/// What the latest build found, read by every request: one immutable list, swapped whole after
/// each build, so a page is never served with half of one build's errors.
/// </summary>
public sealed class BuildStatus
{
    private volatile IReadOnlyList<Diagnostic> _errors = [];

    /// <summary>The last build's errors; empty when it succeeded.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors;

    public void Update(BuildResult result) => _errors = [.. result.Errors];
}

/// <summary>
/// Preview only: when a rebuild fails, every page served starts with its errors, above the last
/// good content, in the same words the terminal prints. Markup only (an alert region with a
/// heading and a list) and a linked stylesheet, so the strict Content-Security-Policy holds.
/// </summary>
public static class ErrorPanel
{
    public const string StylesheetPath = "_preview/errors.css";

    public const string HeadingId = "preview-build-errors";

    private static readonly Lazy<byte[]> StylesheetBytes = new(() => LiveReload.Resource("StaticSite.Preview.ErrorPanel.css"));

    public static byte[] Stylesheet => StylesheetBytes.Value;

    /// <summary>One error as the panel lists it: <c>file:line:column CODE message</c>.</summary>
    public static string Line(Diagnostic error) => $"{error.Location} {error.Code} {error.Message}";

    /// <summary>
    /// A landmark (so nothing on the page sits outside one) holding an alert, so a screen reader
    /// announces the errors when the page loads.
    /// </summary>
    public static string Markup(IReadOnlyList<Diagnostic> errors)
    {
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        var html = new StringBuilder();
        html.Append($"<section class=\"preview-errors\" aria-labelledby=\"{HeadingId}\">\n<div class=\"preview-errors__inner\" role=\"alert\">\n");
        html.Append($"<h2 id=\"{HeadingId}\">The site did not build: {count}</h2>\n");
        html.Append("<p>Below is the last good build. Fix these errors and save: the page reloads by itself.</p>\n<ul>\n");
        foreach (var error in errors)
        {
            html.Append("<li><span class=\"preview-errors__where\">").Append(WebUtility.HtmlEncode(error.Location)).Append("</span> ")
                .Append("<span class=\"preview-errors__code\">").Append(WebUtility.HtmlEncode(error.Code)).Append("</span> ")
                .Append(WebUtility.HtmlEncode(error.Message)).Append("</li>\n");
        }

        html.Append("</ul>\n</div>\n</section>\n");
        return html.ToString();
    }

    /// <summary>
    /// The page with the stylesheet linked in its head and the panel first in its body. Nothing is
    /// changed when there are no errors.
    /// </summary>
    public static string AddTo(string page, IReadOnlyList<Diagnostic> errors, string basePath)
    {
        if (errors.Count == 0)
        {
            return page;
        }

        var link = $"<link rel=\"stylesheet\" href=\"{basePath}{StylesheetPath}\">\n";
        var panel = Markup(errors);
        var body = page.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var bodyEnd = body < 0 ? -1 : page.IndexOf('>', body);
        var head = page.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        if (bodyEnd < 0)
        {
            return link + panel + page;
        }

        page = page.Insert(bodyEnd + 1, "\n" + panel);
        return head >= 0 && head < body ? page.Insert(head, link) : page.Insert(bodyEnd + 1, "\n" + link);
    }
}
