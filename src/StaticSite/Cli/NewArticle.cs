using System.Globalization;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Markdown;

namespace StaticSite.Cli;

/// <summary>
/// <c>new article "Title" --area calf</c>: a new article's Markdown file with its front matter
/// filled in and the health components laid out to fill. It starts as a draft (left out of the
/// site until <c>draft: true</c> goes), and builds with no errors and no warnings as it is, so
/// the author starts from a clean build and sees only what their own words bring.
/// </summary>
public static class NewArticle
{
    /// <summary>Writes the file; the exit code: 0 written, 1 the file exists or site.yml is broken, 2 a bad title, area or section.</summary>
    public static int Run(BuildOptions options, string title, string area, string? section, Terminal terminal)
    {
        var (stdout, stderr) = (terminal.Out, terminal.Error);
        title = title.Trim();
        if (title.Length == 0 || title.Contains('\n', StringComparison.Ordinal))
        {
            stderr.WriteLine("the title must be one line of text, e.g. new article \"Knee pain when cycling\" --area knee");
            return 2;
        }

        var input = options.ResolvedInput;
        var diagnostics = new DiagnosticBag();
        var config = Directory.Exists(input)
            ? SiteConfig.Load(input, BuildContext.DisplayPath(options.SiteRoot, Path.Combine(input, SiteConfig.FileName)), diagnostics, null, null)
            : null;
        if (config is null)
        {
            foreach (var diagnostic in diagnostics.Sorted())
            {
                stderr.WriteLine(diagnostic);
            }

            stderr.WriteLine($"cannot read the site settings in {BuildContext.DisplayPath(options.SiteRoot, Path.Combine(input, SiteConfig.FileName))}; nothing was written.");
            return 1;
        }

        if (config.Areas.Count > 0 && !config.Areas.Contains(area, StringComparer.Ordinal))
        {
            stderr.WriteLine($"unknown area '{area}'. The areas in site.yml are: {string.Join(", ", config.Areas)}");
            return 2;
        }

        // Articles live in a section: a folder of input/ with a hub page (index.md).
        var sections = Directory.EnumerateDirectories(input)
            .Where(d => File.Exists(Path.Combine(d, "index.md")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (section is null && sections.Count != 1)
        {
            stderr.WriteLine(sections.Count == 0
                ? "input/ has no section (a folder with an index.md) to put the article in."
                : $"say which section the article goes in with --section: {string.Join(", ", sections)}");
            return 2;
        }

        section ??= sections[0];
        if (!sections.Contains(section, StringComparer.Ordinal))
        {
            stderr.WriteLine($"unknown section '{section}'. The sections in input/ are: {string.Join(", ", sections)}");
            return 2;
        }

        var slug = Slug.From(title);
        var path = Path.Combine(input, section, slug + ".md");
        var display = BuildContext.DisplayPath(options.SiteRoot, path);
        // The same address from a folder page would be a duplicate URL.
        var clash = new[] { path, Path.Combine(input, section, slug, "index.md") }.FirstOrDefault(File.Exists);
        if (clash is not null)
        {
            stderr.WriteLine($"{BuildContext.DisplayPath(options.SiteRoot, clash)} already exists; nothing was written. Choose another title or edit that page.");
            return 1;
        }

        var today = options.Today ?? DateOnly.FromDateTime(DateTime.Now);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(Text(title, area, today));
        }
        catch (IOException e) when (File.Exists(path))
        {
            stderr.WriteLine($"{display} already exists; nothing was written. ({e.Message})");
            return 1;
        }

        stdout.WriteLine($"Wrote {display}, a draft at {config.Href($"/{section}/{slug}/")}.");
        stdout.WriteLine("Fill in each part marked in it, replace the source with the ones you used, then remove 'draft: true'.");
        stdout.WriteLine("Preview it with: serve --drafts");
        return 0;
    }

    /// <summary>The new file: front matter, then an outline in the site's plain English.</summary>
    public static string Text(string title, string area, DateOnly today)
    {
        var reviewed = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            ---
            title: {Quoted(title)}
            description: {Quoted($"{title}: what it is, how it feels and what to do about it.")}
            condition: {Quoted(title)}
            area: {area}
            reviewed: {reviewed}
            next_review: {next}
            # Left out of the site until you remove this line. Preview drafts with: serve --drafts
            draft: true
            # Replace this with the pages you used: real, reputable sources only.
            sources:
              - title: "Health A to Z"
                publisher: "NHS"
                url: "https://www.nhs.uk/conditions/"
            ---

            Say what this is in one or two short sentences. Use everyday words first. Put the medical name in brackets after them.

            Say who gets it, and why it matters to runners.

            ## Symptoms

            ::: checklist Common symptoms
            - **First sign:** say what it feels like and where.
            - **Second sign:** say when it hurts, such as during or after a run.
            :::

            ## When to get help

            ::: care non-urgent See a GP or physiotherapist if:
            - it is not getting better after a few weeks of care at home
            :::

            ::: care urgent Ask for an urgent GP appointment or call NHS 111 if:
            - say which signs need help soon
            :::

            ::: care emergency Call 999 or go to A&E if:
            - say which signs need help now
            :::

            ## Treatment

            Say what helps at home, one step at a time. Keep each sentence short.

            ## Getting back to running

            Say how to build up again, and when to stop.

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>A YAML double-quoted string, so a title with a colon or quote stays one value.</summary>
    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
