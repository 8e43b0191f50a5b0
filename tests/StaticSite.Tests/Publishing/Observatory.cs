using System.Globalization;

namespace StaticSite.Tests.Publishing;

/// <summary>
/// Mozilla's HTTP Observatory grading, applied to response headers, from its published scoring
/// rules: https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring, with the exact
/// modifiers and conditions from the scanner's source, github.com/mdn/mdn-http-observatory
/// (src/grader/charts.js for the score table and grade chart, src/analyzer/tests/*.js for what each
/// test looks for, src/scanner/index.js for how the two rounds add up). Every site starts at 100;
/// penalties are taken off; only if that leaves 90 or more are the bonuses added. The outcomes
/// and their modifiers are data below; each test is a small function choosing one outcome.
/// </summary>
public static class Observatory
{
    /// <summary>Each outcome the tests below can give, with its score modifier, as in the scanner's SCORE_TABLE.</summary>
    public static readonly IReadOnlyDictionary<string, int> Modifiers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["csp-implemented-with-no-unsafe-default-src-none"] = 10,
        ["csp-implemented-with-no-unsafe"] = 5,
        ["csp-implemented-with-unsafe-inline-in-style-src-only"] = 0,
        ["csp-implemented-with-insecure-scheme-in-passive-content-only"] = -10,
        ["csp-implemented-with-unsafe-eval"] = -10,
        ["csp-implemented-with-unsafe-inline"] = -20,
        ["csp-implemented-with-insecure-scheme"] = -20,
        ["csp-header-invalid"] = -25,
        ["csp-not-implemented"] = -25,

        ["cookies-secure-with-httponly-sessions-and-samesite"] = 5,
        ["cookies-not-found"] = 0,
        ["cookies-without-secure-flag"] = -20,

        ["cross-origin-resource-sharing-not-implemented"] = 0,
        ["cross-origin-resource-sharing-implemented-with-public-access"] = 0,
        ["cross-origin-resource-sharing-implemented-with-universal-access"] = -50,

        ["redirection-to-https"] = 0,

        ["referrer-policy-private"] = 5,
        ["referrer-policy-not-implemented"] = 0,
        ["referrer-policy-unsafe"] = -5,
        ["referrer-policy-header-invalid"] = -5,

        ["hsts-implemented-max-age-at-least-six-months"] = 0,
        ["hsts-implemented-max-age-less-than-six-months"] = -10,
        ["hsts-not-implemented"] = -20,
        ["hsts-header-invalid"] = -20,

        ["sri-not-implemented-but-no-scripts-loaded"] = 0,
        ["sri-not-implemented-but-all-scripts-loaded-from-secure-origin"] = 0,
        ["sri-not-implemented-but-external-scripts-loaded-securely"] = -5,
        ["sri-not-implemented-and-external-scripts-not-loaded-securely"] = -50,

        ["x-content-type-options-nosniff"] = 0,
        ["x-content-type-options-not-implemented"] = -5,
        ["x-content-type-options-header-invalid"] = -5,

        ["x-frame-options-implemented-via-csp"] = 5,
        ["x-frame-options-sameorigin-or-deny"] = 0,
        ["x-frame-options-allow-from-origin"] = 0,
        ["x-frame-options-not-implemented"] = -20,
        ["x-frame-options-header-invalid"] = -20,

        ["cross-origin-resource-policy-implemented-with-same-origin"] = 10,
        ["cross-origin-resource-policy-implemented-with-same-site"] = 10,
        ["cross-origin-resource-policy-implemented-with-cross-origin"] = 0,
        ["cross-origin-resource-policy-not-implemented"] = 0,
        ["cross-origin-resource-policy-header-invalid"] = -5,
    };

    /// <summary>The grade chart: the lowest score of each grade (a score is rounded down to a multiple of 5, and capped at 100).</summary>
    private static readonly (int From, string Grade)[] Grades =
    [
        (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
        (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
    ];

    /// <summary>Bonuses count only when the score after penalties is at least this (an A).</summary>
    private const int MinimumForExtraCredit = 90;

    /// <summary>The documented six months (the scanner itself accepts 15,552,000 too).</summary>
    public const long SixMonths = 15_768_000;

    // Sources the CSP test calls dangerously broad, and what it counts as inline script.
    private static readonly string[] DangerouslyBroad = ["ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"];
    private static readonly string[] UnsafeInline = ["'unsafe-inline'", "data:"];

    public sealed record Result(int Score, string Grade, IReadOnlyList<(string Test, string Outcome, int Modifier)> Outcomes)
    {
        public override string ToString() =>
            $"score {Score} ({Grade}):\n" + string.Join('\n', Outcomes.Select(o => $"  {o.Modifier,4:+0;-0;0}  {o.Test}: {o.Outcome}"));
    }

    /// <param name="headers">The response headers of the page scanned (names in any case).</param>
    /// <param name="scriptSources">The src of every script the page loads, for the Subresource Integrity test.</param>
    public static Result Grade(IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> scriptSources)
    {
        var h = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        var csp = ParseCsp(h.GetValueOrDefault("Content-Security-Policy"));
        (string, string)[] outcomes =
        [
            ("content-security-policy", ContentSecurityPolicy(csp)),
            ("cookies", Cookies(h.GetValueOrDefault("Set-Cookie"))),
            ("cross-origin-resource-sharing", Cors(h)),
            // A property of the host, not of the headers: Netlify and GitHub Pages redirect http to
            // https on the same host before anything else.
            ("redirection", "redirection-to-https"),
            ("referrer-policy", ReferrerPolicy(h.GetValueOrDefault("Referrer-Policy"))),
            ("strict-transport-security", StrictTransportSecurity(h.GetValueOrDefault("Strict-Transport-Security"))),
            ("subresource-integrity", SubresourceIntegrity(scriptSources)),
            ("x-content-type-options", h.GetValueOrDefault("X-Content-Type-Options")?.Trim().ToLowerInvariant() switch
            {
                null => "x-content-type-options-not-implemented",
                "nosniff" => "x-content-type-options-nosniff",
                _ => "x-content-type-options-header-invalid",
            }),
            ("x-frame-options", XFrameOptions(h.GetValueOrDefault("X-Frame-Options"), csp)),
            ("cross-origin-resource-policy", h.GetValueOrDefault("Cross-Origin-Resource-Policy")?.Trim().ToLowerInvariant() switch
            {
                null => "cross-origin-resource-policy-not-implemented",
                "same-origin" => "cross-origin-resource-policy-implemented-with-same-origin",
                "same-site" => "cross-origin-resource-policy-implemented-with-same-site",
                "cross-origin" => "cross-origin-resource-policy-implemented-with-cross-origin",
                _ => "cross-origin-resource-policy-header-invalid",
            }),
        ];

        var scored = outcomes.Select(o => (o.Item1, o.Item2, Modifiers[o.Item2])).ToList();
        var afterPenalties = 100 + scored.Where(o => o.Item3 < 0).Sum(o => o.Item3);
        var score = Math.Max(0, afterPenalties >= MinimumForExtraCredit ? 100 + scored.Sum(o => o.Item3) : afterPenalties);
        var grade = Grades.First(g => Math.Min(score - (score % 5), 100) >= g.From).Grade;
        return new Result(score, grade, scored);
    }

    /// <summary>Directive name → its sources, lower case, the first of a repeated directive winning; null when there is no policy.</summary>
    private static Dictionary<string, string[]>? ParseCsp(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var policy = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var directive in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = directive.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            policy.TryAdd(parts[0], parts[1..]);
        }

        return policy;
    }

    // src/analyzer/tests/csp.js: the first condition that holds gives the outcome.
    private static string ContentSecurityPolicy(Dictionary<string, string[]>? csp)
    {
        if (csp is null || csp.Count == 0)
        {
            return "csp-not-implemented";
        }

        string[] Sources(params string[] directives) =>
            directives.Select(d => csp.GetValueOrDefault(d)).FirstOrDefault(s => s is not null) ?? ["*"];
        var script = Sources("script-src", "default-src");
        var obj = Sources("object-src", "default-src");
        var style = Sources("style-src", "default-src");
        var passiveDirectives = new[] { "img-src", "media-src" };
        var passive = passiveDirectives.SelectMany(d => csp.GetValueOrDefault(d) ?? csp.GetValueOrDefault("default-src") ?? []).ToList();
        var active = csp.Where(d => !passiveDirectives.Contains(d.Key) && d.Key != "script-src").SelectMany(d => d.Value).Concat(script).ToList();
        static bool Insecure(string source) => source.StartsWith("http:", StringComparison.Ordinal) || source.StartsWith("ftp:", StringComparison.Ordinal);

        if (script.Any(s => DangerouslyBroad.Contains(s) || UnsafeInline.Contains(s)) || obj.Any(DangerouslyBroad.Contains))
        {
            return "csp-implemented-with-unsafe-inline";
        }

        if (active.Any(Insecure))
        {
            return "csp-implemented-with-insecure-scheme";
        }

        if (script.Concat(style).Contains("'unsafe-eval'"))
        {
            return "csp-implemented-with-unsafe-eval";
        }

        if (passive.Any(Insecure))
        {
            return "csp-implemented-with-insecure-scheme-in-passive-content-only";
        }

        if (style.Any(s => DangerouslyBroad.Contains(s) || UnsafeInline.Contains(s)))
        {
            return "csp-implemented-with-unsafe-inline-in-style-src-only";
        }

        return csp.GetValueOrDefault("default-src") is ["'none'"]
            ? "csp-implemented-with-no-unsafe-default-src-none"
            : "csp-implemented-with-no-unsafe";
    }

    private static string Cookies(string? setCookie)
    {
        if (setCookie is null)
        {
            return "cookies-not-found";
        }

        var flags = setCookie.ToLowerInvariant();
        return flags.Contains("secure", StringComparison.Ordinal) && flags.Contains("httponly", StringComparison.Ordinal)
            && (flags.Contains("samesite=strict", StringComparison.Ordinal) || flags.Contains("samesite=lax", StringComparison.Ordinal))
            ? "cookies-secure-with-httponly-sessions-and-samesite"
            : "cookies-without-secure-flag";
    }

    private static string Cors(Dictionary<string, string> headers) =>
        headers.GetValueOrDefault("Access-Control-Allow-Origin") is null ? "cross-origin-resource-sharing-not-implemented"
        : string.Equals(headers.GetValueOrDefault("Access-Control-Allow-Credentials")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? "cross-origin-resource-sharing-implemented-with-universal-access"
            : "cross-origin-resource-sharing-implemented-with-public-access";

    // src/analyzer/tests/referrer-policy.js: the last value browsers know is the one they use.
    private static string ReferrerPolicy(string? header)
    {
        string[] good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
        string[] bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"];
        if (header is null)
        {
            return "referrer-policy-not-implemented";
        }

        var policy = header.Split(',').Select(v => v.Trim().ToLowerInvariant()).LastOrDefault(v => good.Contains(v) || bad.Contains(v));
        return policy is null ? "referrer-policy-header-invalid"
            : good.Contains(policy) ? "referrer-policy-private"
            : "referrer-policy-unsafe";
    }

    // src/analyzer/tests/strict-transport-security.js
    private static string StrictTransportSecurity(string? header)
    {
        if (header is null)
        {
            return "hsts-not-implemented";
        }

        var maxAge = header.Split(';').Select(p => p.Trim().ToLowerInvariant())
            .Where(p => p.StartsWith("max-age=", StringComparison.Ordinal))
            .Select(p => long.TryParse(p["max-age=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : (long?)null)
            .FirstOrDefault();
        return header.Contains(',', StringComparison.Ordinal) || maxAge is null ? "hsts-header-invalid"
            : maxAge < SixMonths ? "hsts-implemented-max-age-less-than-six-months"
            : "hsts-implemented-max-age-at-least-six-months";
    }

    private static string SubresourceIntegrity(IReadOnlyList<string> scriptSources)
    {
        if (scriptSources.Count == 0)
        {
            return "sri-not-implemented-but-no-scripts-loaded";
        }

        var external = scriptSources.Where(s => s.StartsWith("//", StringComparison.Ordinal) || s.Contains("://", StringComparison.Ordinal)).ToList();
        return external.Count == 0 ? "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
            : external.All(s => s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? "sri-not-implemented-but-external-scripts-loaded-securely"
            : "sri-not-implemented-and-external-scripts-not-loaded-securely";
    }

    // src/analyzer/tests/x-frame-options.js: CSP frame-ancestors, when present, is what counts.
    private static string XFrameOptions(string? header, Dictionary<string, string[]>? csp)
    {
        if (csp?.ContainsKey("frame-ancestors") == true)
        {
            return "x-frame-options-implemented-via-csp";
        }

        var value = header?.Trim().ToLowerInvariant();
        return value switch
        {
            null => "x-frame-options-not-implemented",
            "deny" or "sameorigin" => "x-frame-options-sameorigin-or-deny",
            _ when value.StartsWith("allow-from", StringComparison.Ordinal) => "x-frame-options-allow-from-origin",
            _ => "x-frame-options-header-invalid",
        };
    }
}
