using StaticSite.Output;
using StaticSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace StaticSite.Tests.Publishing;

/// <summary>netlify.toml, read as Netlify reads it: the build settings and the response headers.</summary>
public sealed class NetlifyConfigTests
{
    private static readonly TomlTable Config =
        TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")))!;

    private static IReadOnlyList<TomlTable> Rules => ((TomlTableArray)Config["headers"]).ToList();

    private static TomlTable ValuesFor(string path) =>
        (TomlTable)Assert.Single(Rules, r => (string)r["for"] == path)["values"];

    [Fact]
    public void The_build_runs_the_repository_script_and_publishes_the_output_folder()
    {
        var build = (TomlTable)Config["build"];

        Assert.Equal("bash scripts/netlify-build.sh", (string)build["command"]);
        Assert.Equal("_site", (string)build["publish"]);
        Assert.True(File.Exists(Path.Combine(Repo.Root, "scripts", "netlify-build.sh")));
    }

    [Fact]
    public void The_content_security_policy_denies_everything_the_site_does_not_load()
    {
        var csp = (string)ValuesFor("/*")["Content-Security-Policy"];
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d[1], StringComparer.Ordinal);

        Assert.Equal("default-src", csp.Split(' ')[0]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["default-src"] = "'none'",
            ["style-src"] = "'self'",
            ["script-src"] = "'self'",
            ["img-src"] = "'self'",
            // The search page's script fetches the index; the header's search form submits to the site.
            ["connect-src"] = "'self'",
            ["base-uri"] = "'none'",
            ["form-action"] = "'self'",
            ["frame-ancestors"] = "'none'",
        }, directives);
    }

    [Fact]
    public void The_policy_covers_what_the_theme_actually_uses()
    {
        // If the script starts fetching (a search index) or the layout links a web manifest, the
        // policy needs connect-src or manifest-src, or those features break in production only.
        var csp = (string)ValuesFor("/*")["Content-Security-Policy"];
        var script = string.Concat(Directory.EnumerateFiles(Path.Combine(Repo.Theme, "assets"), "*.js").Select(File.ReadAllText));
        var layouts = string.Concat(Directory.EnumerateFiles(Path.Combine(Repo.Theme, "layouts")).Select(File.ReadAllText));
        if (new[] { "fetch(", "XMLHttpRequest", "EventSource", "WebSocket", "sendBeacon" }.Any(s => script.Contains(s, StringComparison.Ordinal)))
        {
            Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        }

        if (layouts.Contains("rel=\"manifest\"", StringComparison.Ordinal))
        {
            Assert.Contains("manifest-src 'self'", csp, StringComparison.Ordinal);
        }

        // Styles may only pull images and fonts the policy lets in: data: URIs need img-src data:,
        // web fonts need font-src (and the design says none).
        var styles = string.Concat(Directory.EnumerateFiles(Path.Combine(Repo.Theme, "assets"), "*.css").Select(File.ReadAllText));
        if (styles.Contains("data:", StringComparison.Ordinal))
        {
            Assert.Matches("img-src [^;]*data:", csp);
        }

        if (styles.Contains("@font-face", StringComparison.Ordinal))
        {
            Assert.Contains("font-src 'self'", csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_response_gets_transport_sniffing_referrer_and_permissions_headers()
    {
        var values = ValuesFor("/*");

        var hsts = (string)values["Strict-Transport-Security"];
        var maxAge = long.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 31536000, $"HSTS max-age {maxAge} is under a year");
        Assert.Equal("nosniff", (string)values["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", (string)values["Referrer-Policy"]);

        var features = ((string)values["Permissions-Policy"]).Split(',', StringSplitOptions.TrimEntries);
        Assert.All(features, f => Assert.EndsWith("=()", f, StringComparison.Ordinal));
        var names = features.Select(f => f[..^3]).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "camera", "microphone", "geolocation", "browsing-topics", "payment", "usb" });
        Assert.DoesNotContain("interest-cohort", names); // FLoC is gone; browsers warn about the old name
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Only_fingerprinted_assets_are_cached_for_a_year_and_pages_revalidate()
    {
        Assert.Equal("public, max-age=31536000, immutable", (string)ValuesFor("/" + ThemeAssets.Folder + "/*")["Cache-Control"]);

        // Pages keep Netlify's default Cache-Control ("public, max-age=0, must-revalidate"): no
        // other rule may set one, or it would also match /assets/* or hold pages in caches.
        var others = Rules.Where(r => (string)r["for"] != "/assets/*");
        Assert.All(others, r => Assert.DoesNotContain(((TomlTable)r["values"]).Keys, k => k.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_assets_rule_matches_only_fingerprinted_files()
    {
        using var site = BuiltSite.Real();
        var assets = site.Result.Files.Keys.Where(k => k.StartsWith(ThemeAssets.Folder + "/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.Matches(@"^assets/.+\.[0-9a-f]{8}(\.[a-z0-9]+)?$", a));
        Assert.All(site.Result.Files.Keys.Except(assets), f => Assert.False(ThemeAssets.IsFingerprinted(f), f));
    }
}
