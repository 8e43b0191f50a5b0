using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticSite.Checks;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Glossary;
using StaticSite.Images;
using StaticSite.Markdown.Components;
using StaticSite.PlainEnglish;

namespace StaticSite.Markdown;

/// <summary>
/// The process stage for one page: parse Markdown, lay out components, check headings, images
/// and links against the site's URL map, check the prose is plain English, link glossary terms,
/// and render the HTML fragment.
/// </summary>
public sealed class MarkdownProcessor(BuildContext context, MarkdownDialect dialect, IReadOnlyDictionary<string, SourceDocument> pagesBySource, IReadOnlySet<string> staticFiles, IReadOnlyDictionary<string, string> leftOut, PlainEnglishRules plainEnglish, GlossaryIndex glossary, ImageCatalog images, Action<string>? imageShown = null)
{
    /// <summary>
    /// Renderers that have finished a page, for the next: making one builds some thirty object
    /// renderers and their table by type, which was 2 % of a build when done for every page.
    /// Markdig's renderers keep no page's state once the renderer is reset.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<ReusableHtmlRenderer> _renderers = [];

    /// <summary>Markdig's HTML renderer, with its reset (an empty writer, no indent, at the start of a line) open to this class.</summary>
    private sealed class ReusableHtmlRenderer() : HtmlRenderer(new StringWriter())
    {
        public void Clear() => Reset();
    }

    /// <summary>Ids the layouts use; content must not take them.</summary>
    public static readonly IReadOnlySet<string> LayoutIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "main", "top", "site-header", "site-nav", "contents", "contents-heading", "page-review", "page-sources",
        "page-sources-heading", "page-related", "page-related-heading", "page-note",
    };

    private DiagnosticBag Diagnostics => context.Diagnostics;

    /// <summary>
    /// Processes one page whatever is in it: anything that goes wrong becomes an error on the page
    /// (Markdown nested too deep, or a fault of the generator's), and the page stands in as an empty
    /// one so the rest of the site is still checked and every page's errors are reported together.
    /// </summary>
    public ProcessedPage Process(SourceDocument page)
    {
        try
        {
            return Parse(page) is var (document, nodes)
                ? Process(page, document, nodes)
                : Empty(page);
        }
        catch (Exception e) when (MarkdownNesting.IsDepthLimit(e))
        {
            var (line, column) = MarkdownNesting.WhereParsingFails(page.Body, dialect.For(page.Body));
            ReportTooDeep(page, line, column);
            return Empty(page);
        }
        catch (Exception e) when (PageFailure.IsRecoverable(e))
        {
            PageFailure.Report(Diagnostics, page.DisplayPath, "processing", e);
            return Empty(page);
        }
    }

    /// <summary>The page's Markdown tree and its nodes, or null (reported) when it nests too deep to walk safely.</summary>
    private (MarkdownDocument Document, MarkdownNodes Nodes)? Parse(SourceDocument page)
    {
        var document = Markdig.Markdown.Parse(page.Body, dialect.For(page.Body));
        var nodes = MarkdownNodes.Of(document);
        if (nodes.FirstTooDeep is { } tooDeep)
        {
            ReportTooDeep(page, tooDeep.Line + 1, tooDeep.Column + 1);
            return null;
        }

        if (nodes.HasRawHtml && MarkdownNesting.FirstTooDeepHtml(nodes) is var (line, column))
        {
            Diagnostics.Error(Codes.NestedTooDeeply,
                $"raw HTML elements are nested too deeply here (more than {MarkdownNesting.MaxDepth} open inside each other); close each tag you open",
                page.DisplayPath, line, column);
            return null;
        }

        return (document, nodes);
    }

    private void ReportTooDeep(SourceDocument page, int line, int column) =>
        Diagnostics.Error(Codes.NestedTooDeeply,
            $"quotes, lists, components, emphasis or links are nested too deeply here (more than {MarkdownNesting.MaxDepth} levels inside each other); flatten them",
            page.DisplayPath, line, line > 0 ? column : 0);

    private static ProcessedPage Empty(SourceDocument page) => new() { Source = page with { Body = "" }, Html = [] };

    private ReusableHtmlRenderer NewRenderer()
    {
        var renderer = new ReusableHtmlRenderer();
        dialect.Full.Setup(renderer);
        return renderer;
    }

    /// <summary>
    /// The rendered fragment in UTF-8, encoded straight from the renderer's buffer (no string of the
    /// whole page on the way). Not on the pinned heap, though the collector would then never copy
    /// it: that heap is only swept by full collections and never compacted, and with 10,000
    /// fragments on it the peak rose from 460 to 670 MB (bench/README.md).
    /// </summary>
    private static byte[] Utf8Of(System.Text.StringBuilder text)
    {
        // Encoded chunk by chunk with one encoder, which carries a surrogate pair split between two
        // chunks over (counting ahead chunk by chunk would not), into a buffer long enough for any text.
        var encoder = System.Text.Encoding.UTF8.GetEncoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var written = 0;
            foreach (var chunk in text.GetChunks())
            {
                written += encoder.GetBytes(chunk.Span, buffer.AsSpan(written), flush: false);
            }

            written += encoder.GetBytes([], buffer.AsSpan(written), flush: true);
            var bytes = GC.AllocateUninitializedArray<byte>(written);
            buffer.AsSpan(0, written).CopyTo(bytes);
            return bytes;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The stem, or the stem with the first free number, such that no id base in use is it or starts
    /// with it and a hyphen; added to <paramref name="used"/>. (A method of its own: in the loop over
    /// blocks its lambda's closure would be made for every block.)
    /// </summary>
    private static string UniqueIdBase(string stem, HashSet<string> used)
    {
        var candidate = stem;
        for (var n = 2; used.Contains(candidate) || used.Any(u => u.StartsWith(candidate + "-", StringComparison.Ordinal)); n++)
        {
            candidate = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used.Add(candidate);
        return candidate;
    }

    private ProcessedPage Process(SourceDocument page, MarkdownDocument document, MarkdownNodes nodes)
    {
        var headings = CheckHeadings(page, nodes);
        var markdownRules = new MarkdownScan(page, nodes, Diagnostics);
        foreach (var rule in CheckRules.Create().OfType<IMarkdownRule>())
        {
            rule.Check(document, markdownRules);
        }

        LayOutComponents(page, document, nodes, headings);
        var links = ResolveLinks(page, nodes);
        var glossaryTerms = page.IsArticle
            ? GlossaryLinker.Link(document, glossary, context.Config.Href("/glossary/"))
            : [];

        // Checked and scored as readers get it, abbreviations spelled out.
        var prose = plainEnglish.Check(page, nodes, Diagnostics);
        var readability = page.IsArticle
            ? Readability.Score(prose.Where(p => !p.IsHeading && !string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Measure))
            : null;

        var renderer = _renderers.TryTake(out var kept) ? kept : NewRenderer();
        renderer.Render(document);
        if (page.SourcePath == GlossaryIndex.PageSource)
        {
            renderer.Writer.Write(GlossaryPage.Html(glossary));
        }

        var html = Utf8Of(((StringWriter)renderer.Writer).GetStringBuilder());
        // Only a renderer that finished its page goes back: one that threw may be half-way through a block.
        renderer.Clear();
        _renderers.Add(renderer);

        return new ProcessedPage
        {
            // The Markdown is done with: keeping 10,000 bodies alive to the end of the build cost hundreds of MB.
            Source = page with { Body = "" },
            Html = html,
            Headings = headings,
            Checklists = nodes.OfType<ChecklistBlock>().ToList()
                .ConvertAll(c => new ChecklistInfo(c.Title, c.IdBase, c.List?.OfType<ListItemBlock>().Select(MarkdownText.LeadIn).ToList() ?? [])),
            Links = links,
            Treatments = page.Meta.Treatments.Count > 0 ? page.Meta.Treatments : TreatmentsFromSection(document),
            Readability = readability,
            GlossaryTerms = glossaryTerms,
        };
    }

    private IReadOnlyList<HeadingInfo> CheckHeadings(SourceDocument page, MarkdownNodes nodes)
    {
        var headings = new List<HeadingInfo>();
        var previous = 1;
        foreach (var heading in nodes.OfType<HeadingBlock>())
        {
            var line = heading.Line + 1;
            var column = heading.Column + 1;
            var text = MarkdownText.Of(heading);
            if (heading.Level == 1)
            {
                Diagnostics.Error(Codes.HeadingH1, $"'# {text}' is a second h1: the page title (front matter 'title') is the h1; start sections at '##'", page.DisplayPath, line, column);
            }
            else if (heading.Level > previous + 1)
            {
                Diagnostics.Error(Codes.HeadingSkip,
                    $"heading level skips from h{previous} to h{heading.Level} ('{text}'); use {new string('#', previous + 1)} here",
                    page.DisplayPath, line, column);
            }

            previous = heading.Level;
            var id = heading.GetAttributes().Id ?? Slug.From(text);
            if (LayoutIds.Contains(id))
            {
                // Keep the author's heading, but out of the layout's way.
                id = "section-" + id;
                heading.GetAttributes().Id = id;
            }

            headings.Add(new HeadingInfo(heading.Level, text, id, line));
        }

        return headings;
    }

    /// <summary>
    /// Gives each component the heading level that fits where it stands and ids unique on the page,
    /// and reports components written wrongly.
    /// </summary>
    private void LayOutComponents(SourceDocument page, MarkdownDocument document, MarkdownNodes nodes, IReadOnlyList<HeadingInfo> headings)
    {
        var used = new HashSet<string>(LayoutIds, StringComparer.Ordinal);
        used.UnionWith(headings.Select(h => h.Id));
        var level = 1;
        foreach (var block in nodes.OfType<Block>())
        {
            if (block is HeadingBlock heading)
            {
                level = heading.Level;
                continue;
            }

            if (block is not ComponentBlock component)
            {
                continue;
            }

            void Report(string code, string message, Block at) =>
                Diagnostics.Error(code, message, page.DisplayPath, at.Line + 1, at.Column + 1);

            if (!component.IsClosed)
            {
                // Its content is everything to the end of the file, so checking it would only add noise.
                Report(Codes.ComponentUnclosed, $"'::: {component.Info}' is never closed: add a line ':::' after its content", component);
            }
            else
            {
                component.Validate(Report);
            }
            component.HeadingLevel = Math.Min(level + 1, 6);
            component.IdBase = UniqueIdBase(Slug.From(component.Title.Length > 0 ? component.Title : component.Info ?? "component"), used);
        }

        // Text straight after a care card, with no heading of its own, sounds like part of the card.
        foreach (var card in document.OfType<CareCardBlock>())
        {
            var index = document.IndexOf(card);
            if (index + 1 < document.Count && document[index + 1] is var next && next is not (HeadingBlock or ComponentBlock or ThematicBreakBlock))
            {
                Diagnostics.Warning(Codes.TextAfterCard, "text after a care card reads as part of the card; give it its own heading", page.DisplayPath, next.Line + 1, next.Column + 1);
            }
        }
    }

    private IReadOnlyList<LinkRef> ResolveLinks(SourceDocument page, MarkdownNodes nodes)
    {
        var links = new List<LinkRef>();
        var imagesShown = 0;
        var folder = "/" + (Path.GetDirectoryName(page.SourcePath)?.Replace('\\', '/') ?? "");
        foreach (var link in nodes.OfType<LinkInline>())
        {
            var line = link.Line + 1;
            var column = link.Column + 1;
            if (link.IsImage && MarkdownText.Of(link).Length == 0)
            {
                Diagnostics.Error(Codes.ImageAlt,
                    $"image '{link.Url}' has no alt text: describe it inside ![...]; for a purely decorative image write <img src=\"...\" alt=\"\">",
                    page.DisplayPath, line, column);
            }

            var written = link.Url ?? "";
            if (written.Length == 0 || SitePaths.IsExternal(written))
            {
                continue;
            }

            var (path, fragment) = SitePaths.SplitFragment(written);
            if (path.Length == 0)
            {
                links.Add(new LinkRef(written, written, page.OutputPath, fragment, line, column));
                continue;
            }

            var sitePath = SitePaths.Combine(folder, Uri.UnescapeDataString(path));
            if (sitePath is null)
            {
                Diagnostics.Error(Codes.BrokenLink, $"link '{written}' climbs above the site's root folder", page.DisplayPath, line, column);
                continue;
            }

            string target;
            if (sitePath.EndsWith(".md", StringComparison.Ordinal))
            {
                var source = sitePath.TrimStart('/');
                if (!pagesBySource.TryGetValue(source, out var targetPage))
                {
                    Diagnostics.Error(Codes.BrokenLink,
                        leftOut.TryGetValue(source, out var why)
                            ? $"link '{written}' goes to {why}, which is not published"
                            : $"link '{written}' goes to no page: input/{source} does not exist",
                        page.DisplayPath, line, column);
                    continue;
                }

                sitePath = targetPage.SitePath;
                target = targetPage.OutputPath;
            }
            else
            {
                target = SitePaths.OutputFileFor(sitePath);
                if (link.IsImage && !staticFiles.Contains(target))
                {
                    Diagnostics.Error(Codes.BrokenLink, $"image '{written}' not found: input/{target} does not exist", page.DisplayPath, line, column);
                    continue;
                }
            }

            var href = context.Config.Href(sitePath) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));
            link.Url = href;
            links.Add(new LinkRef(written, href, target, fragment, line, column));
            if (link.IsImage && staticFiles.Contains(target))
            {
                SizeImage(page, link, written, target, lazy: imagesShown++ > 0);
            }
        }

        return links;
    }

    /// <summary>Gives an image in input/ its size, its smaller copies and lazy loading (see <see cref="ImageMarkup"/>).</summary>
    private void SizeImage(SourceDocument page, LinkInline image, string written, string file, bool lazy)
    {
        imageShown?.Invoke(file);
        var reading = images.Read(file);
        if (reading.Image is null)
        {
            Diagnostics.Error(Codes.ImageUnreadable, $"image '{written}' cannot be shown: {reading.Problem}", page.DisplayPath, image.Line + 1, image.Column + 1);
            return;
        }

        ImageMarkup.Apply(image, reading.Image, lazy, context.Config.Href);
    }

    /// <summary>The bold lead-ins of the list items under the "Treatment…" section, when front matter names none.</summary>
    private static IReadOnlyList<string> TreatmentsFromSection(MarkdownDocument document)
    {
        var treatments = new List<string>();
        var inSection = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } h2)
            {
                inSection = MarkdownText.Of(h2).StartsWith("Treatment", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (inSection && block is ListBlock list)
            {
                treatments.AddRange(list.OfType<ListItemBlock>()
                    .Where(i => i.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } })
                    .Select(MarkdownText.LeadIn));
            }
        }

        return treatments.Distinct(StringComparer.Ordinal).ToList();
    }
}
