using System.Globalization;
using StaticSite.Diagnostics;

namespace StaticSite.Content;

/// <summary>
/// Whether a page read from <c>input/</c> is published by this build: drafts wait for
/// <c>--drafts</c>, a page whose <c>publish_date</c> is still to come waits for that day (or
/// <c>--future</c>), and a page whose <c>expiry_date</c> has come is taken down (unless
/// <c>--expired</c>). "Today" is the build's <c>--today</c>, so a test or a preview can look ahead.
/// A page left out is in no output at all (page, sitemap, feed, hubs, A to Z, terms), and a link to
/// it is an error, because readers would find nothing there.
/// </summary>
public static class Publication
{
    /// <summary>
    /// Null when the page is published; otherwise why not, written to follow "goes to" in a
    /// message about a link: "a draft page (input/x.md has 'draft: true')".
    /// </summary>
    public static string? WhyLeftOut(BuildContext context, SourceDocument page)
    {
        var meta = page.Meta;
        var options = context.Options;
        var source = "input/" + page.SourcePath;
        if (meta.Draft && !options.IncludeDrafts)
        {
            return $"a draft page ({source} has 'draft: true')";
        }

        if (meta.PublishDate is { } publish && publish > context.Today && !options.IncludeFuture)
        {
            return $"a page not published until {Iso(publish)} ({source} has 'publish_date: {Iso(publish)}')";
        }

        if (meta.ExpiryDate is { } expiry && expiry <= context.Today && !options.IncludeExpired)
        {
            return $"a page taken down on {Iso(expiry)} ({source} has 'expiry_date: {Iso(expiry)}')";
        }

        return null;
    }

    /// <summary>A page that expires before it is published would never be shown: surely a slip of the date.</summary>
    public static void Validate(SourceDocument page, DiagnosticBag diagnostics)
    {
        if (page.Meta is { PublishDate: { } publish, ExpiryDate: { } expiry } meta && expiry <= publish)
        {
            var (path, line, column) = meta.Where("expiry_date", page.DisplayPath);
            diagnostics.Error(Codes.BadValue, $"expiry_date ({Iso(expiry)}) must come after publish_date ({Iso(publish)})", path, line, column);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
