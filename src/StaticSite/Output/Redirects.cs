using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using StaticSite.Content;
using StaticSite.Diagnostics;

namespace StaticSite.Output;

/// <summary>An old address from front matter <c>aliases</c>, and the page that now answers for it.</summary>
public sealed record Redirect(string From, SourceDocument Target, int Line, int Column)
{
    /// <summary>The file that answers at the old address on hosts without redirect rules (GitHub Pages).</summary>
    public string OutputPath => SitePaths.OutputFileFor(From);
}

/// <summary>
/// Old addresses keep working after a page moves. Netlify gets real HTTP 301s in
/// <c>_redirects</c>; GitHub Pages, which has no redirect rules, gets a small page at the old
/// address that sends the reader on at once. Both come from the same list, so they cannot disagree.
/// </summary>
public static class Redirects
{
    public const string NetlifyFileName = "_redirects";

    // Immutable and thread-safe; the same choice as the templates: keep ’ and – as characters.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Every alias that is a clean site path and leads to exactly one page. Checked straight after
    /// reading, when every page's address is known, so these errors come with the others.
    /// </summary>
    public static IReadOnlyList<Redirect> FromAliases(BuildContext context, IReadOnlyList<SourceDocument> pages, IReadOnlyList<StaticFile> files)
    {
        var diagnostics = context.Diagnostics;
        var occupied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            occupied.TryAdd(page.OutputPath, $"the address of {page.DisplayPath}");
        }

        foreach (var file in files)
        {
            occupied.TryAdd(file.SourcePath, $"the address of the file input/{file.SourcePath}");
        }

        var claimed = new List<Redirect>();
        foreach (var page in pages)
        {
            foreach (var alias in page.Meta.Aliases)
            {
                if (Problem(alias.Value) is { } problem)
                {
                    diagnostics.Error(Codes.BadAlias, $"alias '{alias.Value}' {problem}", page.DisplayPath, alias.Line, alias.Column);
                    continue;
                }

                var redirect = new Redirect(alias.Value, page, alias.Line, alias.Column);
                if (redirect.OutputPath == page.OutputPath)
                {
                    diagnostics.Error(Codes.AliasCollision, $"alias '{alias.Value}' is this page's own address; remove it", page.DisplayPath, alias.Line, alias.Column);
                }
                else if (occupied.TryGetValue(redirect.OutputPath, out var occupant))
                {
                    diagnostics.Error(Codes.AliasCollision, $"alias '{alias.Value}' is {occupant}; a redirect there would hide it", page.DisplayPath, alias.Line, alias.Column);
                }
                else
                {
                    claimed.Add(redirect);
                }
            }
        }

        var redirects = new List<Redirect>();
        foreach (var group in claimed.GroupBy(r => r.OutputPath, StringComparer.Ordinal))
        {
            if (group.Count() == 1)
            {
                redirects.Add(group.Single());
                continue;
            }

            var places = string.Join(" and ", group.Select(r => $"{r.Target.DisplayPath}:{r.Line}").Order(StringComparer.Ordinal));
            foreach (var r in group)
            {
                diagnostics.Error(Codes.AliasCollision, $"alias '{r.From}' is claimed more than once ({places}); an old address can lead to only one page", r.Target.DisplayPath, r.Line, r.Column);
            }
        }

        return redirects.OrderBy(r => r.From, StringComparer.Ordinal).ToList();
    }

    /// <summary>Why an alias is not a clean absolute site path, or null when it is one.</summary>
    internal static string? Problem(string alias)
    {
        if (SitePaths.IsExternal(alias))
        {
            return "must be a path on this site, not a full address: write just the path, like /old-page/";
        }

        if (!alias.StartsWith('/'))
        {
            return $"must start with '/': old addresses are written from the site root, like /{alias.TrimStart('.', '/')}";
        }

        if (alias.IndexOfAny(['?', '#']) >= 0)
        {
            return "must not have a query ('?') or fragment ('#'): only the path of an old address can redirect";
        }

        if (alias == "/")
        {
            return "is the site root, which cannot redirect";
        }

        var segments = alias.Trim('/').Split('/');
        if (alias.Contains("//", StringComparison.Ordinal)
            || segments.Any(s => s.Length == 0 || s is "." or ".." || s.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))))
        {
            return "must be folder names made of letters, digits, '-', '_', '.' or '~', like /old-page/ (no spaces, '//', '.' or '..')";
        }

        if (!alias.EndsWith('/') && !alias.EndsWith(".html", StringComparison.Ordinal))
        {
            return $"must end with '/', like {alias}/ (or name an old .html file)";
        }

        if (segments[0] == ThemeAssets.Folder)
        {
            return $"is under /{ThemeAssets.Folder}/, which holds the theme's files and is cached for a year";
        }

        return null;
    }

    /// <summary>
    /// Netlify's <c>_redirects</c>. The status is forced (<c>301!</c>) because the redirect page we
    /// also write at the old address would otherwise shadow the rule, and readers would get a 200.
    /// </summary>
    public static byte[] NetlifyRules(SiteConfig config, IReadOnlyList<Redirect> redirects)
    {
        var text = new StringBuilder("# Old addresses (front matter 'aliases') and where each page is now. Made by the build.\n");
        foreach (var redirect in redirects)
        {
            text.Append(config.Href(redirect.From)).Append(' ').Append(config.Href(redirect.Target.SitePath)).Append(" 301!\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The page at the old address, for hosts without redirect rules. It sends the reader on at
    /// once (meta refresh is markup, not script, so the CSP allows it), tells search engines where
    /// the page lives now, and still has a plain link, a language, a title and one h1 for readers
    /// whose browser does not follow the refresh.
    /// </summary>
    public static string Page(SiteConfig config, Redirect redirect)
    {
        var href = Encoder.Encode(config.Href(redirect.Target.SitePath));
        var canonical = Encoder.Encode(config.AbsoluteUrl(redirect.Target.SitePath));
        var title = Encoder.Encode(redirect.Target.Title);
        var site = Encoder.Encode(config.Name);
        return $"""
            <!DOCTYPE html>
            <html lang="{Encoder.Encode(config.Language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Moved: {title} – {site}</title>
            <meta name="description" content="This page has moved to {canonical}">
            <meta name="robots" content="noindex">
            <meta name="referrer" content="no-referrer">
            <link rel="canonical" href="{canonical}">
            <meta http-equiv="refresh" content="0; url={href}">
            </head>
            <body>
            <main id="main">
            <h1>This page has moved</h1>
            <p>It is now at <a href="{href}">{title}</a>.</p>
            </main>
            </body>
            </html>

            """;
    }
}
