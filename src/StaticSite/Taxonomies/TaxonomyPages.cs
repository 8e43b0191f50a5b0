using StaticSite.Content;
using StaticSite.Diagnostics;

namespace StaticSite.Taxonomies;

/// <summary>
/// The pages a site.yml taxonomy adds: an index at <c>/NAME/</c> and a page per term at
/// <c>/NAME/TERM/</c>. They are pages like any other from here on (processed, resolved, rendered
/// through their layout and checked), so they meet the same bar; only their lists come from the
/// site graph. An author may write <c>input/NAME/index.md</c> to give the index its own title and
/// introduction, as <c>input/glossary.md</c> does for the glossary.
/// </summary>
public static class TaxonomyPages
{
    public static IReadOnlyList<SourceDocument> With(BuildContext context, IReadOnlyList<SourceDocument> pages, IReadOnlySet<string> layouts)
    {
        var taxonomies = context.Config.Taxonomies;
        if (taxonomies.Count == 0)
        {
            return pages;
        }

        var configPath = context.Display(Path.Combine(context.InputDir, SiteConfig.FileName));
        foreach (var layout in new[] { Layouts.Taxonomy, Layouts.Term }.Where(l => !layouts.Contains(l)))
        {
            context.Diagnostics.Error(Codes.Template,
                $"site.yml declares taxonomies, so the theme needs the layout '{layout}' (theme/layouts/{layout}.liquid)",
                configPath, taxonomies[0].Line, taxonomies[0].Column);
        }

        // Which terms published pages use, and which sources exist, in one pass over the pages.
        var used = new HashSet<(string Taxonomy, string Term)>();
        var bySource = new Dictionary<string, SourceDocument>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            bySource[page.SourcePath] = page;
            foreach (var (taxonomy, terms) in page.Meta.Terms)
            {
                foreach (var term in terms)
                {
                    used.Add((taxonomy, term));
                }
            }
        }

        var introduced = new Dictionary<string, TaxonomyPlace>(StringComparer.Ordinal);
        var added = new List<SourceDocument>();
        foreach (var taxonomy in taxonomies)
        {
            var index = new TaxonomyPlace(taxonomy, null);
            var indexSource = taxonomy.Name + "/index.md";
            if (bySource.ContainsKey(indexSource))
            {
                introduced[indexSource] = index;
            }
            else
            {
                added.Add(Generated(configPath, indexSource, taxonomy.SitePath, index, taxonomy.Title, taxonomy.Description, Layouts.Taxonomy));
            }

            foreach (var term in taxonomy.Terms)
            {
                if (!used.Contains((taxonomy.Name, term.Name)))
                {
                    context.Diagnostics.Warning(Codes.TermUnused,
                        $"{taxonomy.Name} '{term.Name}' is on no published page, so it has no page of its own; give it to a page or remove it",
                        configPath, term.Line, term.Column);
                    continue;
                }

                var source = taxonomy.Name + "/" + term.Slug + ".md";
                if (bySource.TryGetValue(source, out var clash))
                {
                    context.Diagnostics.Error(Codes.DuplicateUrl,
                        $"the build makes {taxonomy.SitePathOf(term)} itself, for the {taxonomy.Name} '{term.Name}' in site.yml (line {term.Line}); rename or move this page",
                        clash.DisplayPath, 1, 1);
                    continue;
                }

                added.Add(Generated(configPath, source, taxonomy.SitePathOf(term), new TaxonomyPlace(taxonomy, term), term.Title, taxonomy.DescriptionOf(term), Layouts.Term));
            }
        }

        return [.. pages
            .Select(p => introduced.TryGetValue(p.SourcePath, out var place) ? p with { Taxonomy = place, Layout = p.Meta.Layout ?? Layouts.Taxonomy } : p)
            .Concat(added)
            .OrderBy(p => p.SitePath, StringComparer.Ordinal)];
    }

    private static SourceDocument Generated(string configPath, string source, string sitePath, TaxonomyPlace place, string title, string description, string layout) => new()
    {
        SourcePath = source,
        // Mistakes on a made page are the site config's to fix.
        DisplayPath = configPath,
        Meta = new FrontMatter { Title = title, Description = description },
        Body = "",
        SitePath = sitePath,
        OutputPath = sitePath.TrimStart('/') + "index.html",
        Layout = layout,
        Section = place.Taxonomy.Name,
        Taxonomy = place,
    };
}
