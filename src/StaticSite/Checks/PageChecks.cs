using System.Collections.Concurrent;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Checks;

/// <summary>A finished page: its HTML, where it goes, and what it was made from.</summary>
public sealed record RenderedPage(string OutputPath, string Html, string SourceDisplayPath, IReadOnlyList<LinkRef> MarkdownLinks);

/// <summary>
/// The check stage: AngleSharp reads every final page once (layouts included) and enforces what
/// readers rely on: one h1, no skipped heading levels, alt on every image, unique ids, no inline
/// script or style (so a strict CSP holds), and every internal link and fragment resolving.
/// </summary>
public static class PageChecks
{
    private sealed record PageFacts(RenderedPage Page, HashSet<string> Ids, List<(string Attribute, string Value, IElement Element)> References, string Title);

    public static void Run(BuildContext context, IReadOnlyList<RenderedPage> pages, IReadOnlySet<string> outputFiles)
    {
        var diagnostics = context.Diagnostics;
        var facts = new ConcurrentDictionary<string, PageFacts>(StringComparer.Ordinal);
        // One parser per thread: making a parser sets up a whole browsing context.
        using var parsers = new ThreadLocal<HtmlParser>(() => new HtmlParser());
        Parallel.ForEach(pages, page =>
        {
            using var document = parsers.Value!.ParseDocument(page.Html);
            facts[page.OutputPath] = Inspect(page, document, diagnostics);
        });

        foreach (var fact in facts.Values.OrderBy(f => f.Page.OutputPath, StringComparer.Ordinal))
        {
            CheckReferences(context, fact, facts, outputFiles);
        }

        foreach (var group in facts.Values.Where(f => f.Title.Length > 0).GroupBy(f => f.Title).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", group.Select(f => f.Page.SourceDisplayPath).Order(StringComparer.Ordinal));
            foreach (var fact in group)
            {
                diagnostics.Error(Codes.DuplicateTitle, $"page title '{group.Key}' is used by more than one page ({names}); each page needs its own title", fact.Page.SourceDisplayPath);
            }
        }
    }

    private static PageFacts Inspect(RenderedPage page, IDocument document, DiagnosticBag diagnostics)
    {
        var path = page.SourceDisplayPath;
        void Error(string code, string message) => diagnostics.Error(code, $"{message} (in {page.OutputPath})", path);

        if (string.IsNullOrWhiteSpace(document.DocumentElement.GetAttribute("lang")))
        {
            Error(Codes.PageStructure, "<html> has no lang attribute");
        }

        var title = document.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            Error(Codes.PageStructure, "page has no <title>");
        }

        var h1s = document.QuerySelectorAll("h1").Length;
        if (h1s != 1)
        {
            Error(Codes.HeadingH1, $"page has {h1s} h1 elements; it needs exactly one");
        }

        if (document.QuerySelectorAll("main").Length != 1)
        {
            Error(Codes.PageStructure, "page needs exactly one <main>");
        }

        var previous = 0;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            if (previous > 0 && level > previous + 1)
            {
                Error(Codes.HeadingSkip, $"heading level skips from h{previous} to h{level} ('{heading.TextContent.Trim()}')");
            }

            previous = level;
        }

        foreach (var image in document.QuerySelectorAll("img:not([alt])"))
        {
            Error(Codes.ImageAlt, $"image '{image.GetAttribute("src")}' has no alt attribute; describe it, or use alt=\"\" if it is decorative");
        }

        // Screen readers announce links, buttons and form fields by their text or label.
        foreach (var link in document.QuerySelectorAll("a[href]").Where(a => AccessibleText(a).Length == 0))
        {
            Error(Codes.EmptyLink, $"link to '{link.GetAttribute("href")}' has no text a screen reader can announce");
        }

        foreach (var field in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var labelled = (field.Id is { Length: > 0 } id && document.QuerySelector($"label[for='{id}']") is not null)
                || field.Closest("label") is not null || field.HasAttribute("aria-label") || field.HasAttribute("aria-labelledby");
            if (!labelled)
            {
                Error(Codes.UnlabelledField, $"<{field.LocalName}> has no label: give it <label for> or aria-label");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            if (!ids.Add(element.Id!))
            {
                Error(Codes.DuplicateId, $"id '{element.Id}' is used twice on the page; links and labels need unique ids");
            }
        }

        // A strict Content-Security-Policy (no 'unsafe-inline') must leave every page working.
        foreach (var script in document.Scripts.Where(s => s.Source is null or "" && s.Type != "application/ld+json"))
        {
            Error(Codes.InlineCode, "inline <script>: put scripts in theme/assets so the CSP can stay strict");
        }

        if (document.QuerySelectorAll("style").Length > 0)
        {
            Error(Codes.InlineCode, "<style> element: put styles in theme/assets so the CSP can stay strict");
        }

        foreach (var element in document.All)
        {
            if (element.HasAttribute("style"))
            {
                Error(Codes.InlineCode, $"style attribute on <{element.LocalName}>: use a class and the stylesheet");
            }

            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)))
            {
                Error(Codes.InlineCode, $"event handler attribute '{attribute.Name}' on <{element.LocalName}>: use the script file");
            }
        }

        var references = new List<(string, string, IElement)>();
        foreach (var element in document.QuerySelectorAll("a[href], link[href], img[src], script[src], source[src], img[srcset], source[srcset]"))
        {
            foreach (var attribute in new[] { "href", "src" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    references.Add((attribute, value, element));
                }
            }

            if (element.GetAttribute("srcset") is { } srcset)
            {
                references.AddRange(srcset.Split(',').Select(c => c.Trim().Split(' ')[0]).Where(u => u.Length > 0).Select(u => ("srcset", u, element)));
            }
        }

        // A page that sends the reader straight on (an old address) is never shown or indexed, so
        // its title cannot be mistaken for another page's; two aliases of one page share a title.
        var sendsReaderOn = document.QuerySelectorAll("meta[http-equiv]")
            .Any(m => string.Equals(m.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase));
        return new PageFacts(page, ids, references, sendsReaderOn ? "" : title);
    }

    private static string AccessibleText(IElement element)
    {
        var text = element.TextContent.Trim();
        return text.Length > 0 ? text
            : (element.GetAttribute("aria-label") ?? "").Trim() is { Length: > 0 } label ? label
            : string.Concat(element.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt"))).Trim();
    }

    private static void CheckReferences(BuildContext context, PageFacts fact, IReadOnlyDictionary<string, PageFacts> facts, IReadOnlySet<string> outputFiles)
    {
        var page = fact.Page;
        var basePath = context.Config.BasePath;
        var pageSitePath = "/" + page.OutputPath;
        foreach (var (attribute, value, element) in fact.References)
        {
            if (value.Length == 0 || SitePaths.IsExternal(value))
            {
                continue;
            }

            var fromMarkdown = page.MarkdownLinks.FirstOrDefault(l => l.Href == value);
            void Error(string code, string message)
            {
                if (fromMarkdown is not null)
                {
                    context.Diagnostics.Error(code, message, page.SourceDisplayPath, fromMarkdown.Line, fromMarkdown.Column);
                }
                else
                {
                    context.Diagnostics.Error(code, $"{message} (in {page.OutputPath}, from the layout or HTML)", page.SourceDisplayPath);
                }
            }

            var (path, fragment) = SitePaths.SplitFragment(value);
            string targetFile;
            if (path.Length == 0)
            {
                targetFile = page.OutputPath;
            }
            else
            {
                var absolute = path.StartsWith('/') ? path : SitePaths.Combine(pageSitePath[..(pageSitePath.LastIndexOf('/') + 1)], path);
                if (absolute is null || !absolute.StartsWith(basePath, StringComparison.Ordinal))
                {
                    Error(Codes.BrokenLink, $"{attribute} '{value}' is outside the site's base path {basePath}");
                    continue;
                }

                targetFile = SitePaths.OutputFileFor(absolute[basePath.Length..]);
                if (!outputFiles.Contains(targetFile))
                {
                    Error(Codes.BrokenLink, $"{attribute} '{value}' goes to no page or file (nothing at {targetFile})");
                    continue;
                }
            }

            if (fragment is { Length: > 0 } && facts.TryGetValue(targetFile, out var target) && !target.Ids.Contains(fragment))
            {
                Error(Codes.BrokenFragment, $"link '{value}' goes to '#{fragment}', but {target.Page.SourceDisplayPath} has no element with that id");
            }
        }
    }
}
