using StaticSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace StaticSite.Tests.Publishing;

/// <summary>
/// The headers netlify.toml sends, graded as Mozilla's HTTP Observatory grades a site (see
/// <see cref="Observatory"/> for the published rules): the site must keep an A+, a score of 100
/// or more once bonuses are counted. The grader is itself checked against header sets whose
/// grade follows by hand from the published table, so this test can fail.
/// </summary>
public sealed class ObservatoryScoreTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private static readonly TomlTable Config =
        TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")))!;

    [Theory]
    [InlineData("/")]
    [InlineData("/leg-and-knee/")]
    [InlineData("/glossary/")]
    public void Netlify_headers_earn_an_a_plus(string path)
    {
        var page = fixture.Site.Pages[path.TrimStart('/') + "index.html"];
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();

        var result = Observatory.Grade(HeadersFor(path), scripts);

        Assert.True(result.Score >= 100 && result.Grade == "A+", $"netlify.toml headers for {path} grade {result}");
    }

    public static TheoryData<string, Dictionary<string, string>, int, string> HandGraded() => new()
    {
        // CSP -25, HSTS -20, X-Content-Type-Options -5, X-Frame-Options -20: 30, a D.
        { "no headers at all", new(), 30, "D" },

        // MDN's configuration for an API: no penalties, so CSP default-src 'none' +10 and frame-ancestors +5.
        {
            "MDN's recommended API headers",
            new()
            {
                ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
                ["Strict-Transport-Security"] = "max-age=63072000",
                ["X-Content-Type-Options"] = "nosniff",
            },
            115, "A+"
        },

        // 'unsafe-inline' scripts -20 leaves 80, below the 90 that bonuses need: a B+.
        {
            "inline scripts allowed",
            new()
            {
                ["Content-Security-Policy"] = "default-src 'none'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
                ["Strict-Transport-Security"] = "max-age=31536000",
                ["X-Content-Type-Options"] = "nosniff",
                ["Referrer-Policy"] = "no-referrer",
            },
            80, "B+"
        },

        // A day of HSTS -10 and no nosniff -5: 85, an A-, and still no bonuses.
        {
            "short HSTS, no nosniff",
            new()
            {
                ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
                ["Strict-Transport-Security"] = "max-age=86400",
                ["Referrer-Policy"] = "no-referrer",
            },
            85, "A-"
        },

        // Everything the site sends, plus Cross-Origin-Resource-Policy: 100 + 10 + 5 + 5 + 10.
        {
            "every bonus header",
            new()
            {
                ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
                ["Strict-Transport-Security"] = "max-age=31536000",
                ["X-Content-Type-Options"] = "nosniff",
                ["Referrer-Policy"] = "strict-origin-when-cross-origin",
                ["Cross-Origin-Resource-Policy"] = "same-origin",
            },
            130, "A+"
        },
    };

    [Theory]
    [MemberData(nameof(HandGraded))]
    public void The_grader_gives_the_published_scores(string what, Dictionary<string, string> headers, int score, string grade)
    {
        var result = Observatory.Grade(headers, ["/assets/site.js"]);

        Assert.True((score, grade) == (result.Score, result.Grade), $"{what}: expected {score} ({grade}), got {result}");
    }

    /// <summary>The headers Netlify sends for a path: every [[headers]] rule whose 'for' matches it (a trailing * matches any rest).</summary>
    private static Dictionary<string, string> HeadersFor(string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in ((TomlTableArray)Config["headers"]).Cast<TomlTable>())
        {
            var pattern = (string)rule["for"];
            var matches = pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;
            if (matches)
            {
                foreach (var (name, value) in (TomlTable)rule["values"])
                {
                    headers[name] = (string)value;
                }
            }
        }

        return headers;
    }
}
