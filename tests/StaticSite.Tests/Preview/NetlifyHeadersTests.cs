using System.Net;
using StaticSite.Preview;
using StaticSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace StaticSite.Tests.Preview;

/// <summary>netlify.toml's headers, matched as Netlify matches them, on what the preview serves.</summary>
public sealed class NetlifyHeadersTests
{
    [Theory]
    [InlineData("/*", "/", true)]
    [InlineData("/*", "/leg-and-knee/calf-strain/", true)]
    [InlineData("/assets/*", "/assets/site.0123abcd.css", true)]
    [InlineData("/assets/*", "/assets/", true)]
    [InlineData("/assets/*", "/leg-and-knee/", false)]
    [InlineData("/assets/*", "/ASSETS/x.css", true)]
    [InlineData("/feed.xml", "/feed.xml", true)]
    [InlineData("/feed.xml", "/feed.xml/", true)]
    [InlineData("/feed.xml", "/feedzxml", false)]
    [InlineData("/blog/:slug", "/blog/post", true)]
    [InlineData("/blog/:slug", "/blog/post/", true)]
    [InlineData("/blog/:slug", "/blog/a/b", false)]
    [InlineData("/*.css", "/a/b/site.css", true)]
    [InlineData("/*.css", "/site.js", false)]
    [InlineData("/a/*/c", "/a/b/c", true)]
    [InlineData("/a/*/c", "/a/b/d", false)]
    public void For_patterns_match_as_on_netlify(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new HeaderRule(pattern, []).Matches(path));
    }

    [Fact]
    public void Every_matching_rule_applies_and_a_later_value_replaces_an_earlier_one()
    {
        var headers = NetlifyHeaders.Parse("""
            [[headers]]
              for = "/*"
              [headers.values]
                X-Frame-Options = "DENY"
                Cache-Control = "no-store"
            [[headers]]
              for = "/assets/*"
              [headers.values]
                cache-control = '''
                  public,
                  max-age=31536000'''
                Vary = ["Accept", "Accept-Encoding"]
            [[headers]]
              for = "/nothing-here"
            """);

        Assert.Equal(
            [KeyValuePair.Create("X-Frame-Options", "DENY"), KeyValuePair.Create("Cache-Control", "public, max-age=31536000"), KeyValuePair.Create("Vary", "Accept, Accept-Encoding")],
            headers.For("/assets/x.css"));
        Assert.Equal([KeyValuePair.Create("X-Frame-Options", "DENY"), KeyValuePair.Create("Cache-Control", "no-store")], headers.For("/page/"));
    }

    [Fact]
    public void A_broken_file_is_a_clear_error_and_a_missing_one_is_no_headers()
    {
        var error = Assert.Throws<FormatException>(() => NetlifyHeaders.Parse("[[headers]]\nfor = \"/*\"\n[headers.values]\nX = 1\n", "netlify.toml"));
        Assert.Contains("header 'X' must be a string", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => NetlifyHeaders.Parse("[[headers]\n", "netlify.toml"));
        Assert.Empty(NetlifyHeaders.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "netlify.toml")).Rules);
    }

    /// <summary>
    /// The real netlify.toml, read here independently with Tomlyn, against what the preview
    /// sends for a page, an asset, a missing page and the reload script, under a base path.
    /// </summary>
    [Fact]
    public async Task The_preview_sends_the_production_headers_of_netlify_toml()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")))!;
        var rules = ((TomlTableArray)config["headers"]).ToList();
        var everywhere = (TomlTable)rules.Single(r => (string)r["for"] == "/*")["values"];
        var assets = (TomlTable)rules.Single(r => (string)r["for"] == "/assets/*")["values"];
        using var temp = new TempDir();
        temp.Write("index.html", "<!DOCTYPE html><html><head></head><body><p>home</p></body></html>");
        temp.Write("404.html", "<!DOCTYPE html><html><head></head><body><p>missing</p></body></html>");
        temp.Write("assets/site.0123abcd.css", "body { }");
        using var server = StaticFileServer.Start(new StaticFileServerOptions
        {
            Root = temp.Path,
            BasePath = "/repo/",
            Headers = NetlifyHeaders.Load(Path.Combine(Repo.Root, "netlify.toml")),
        });
        using var http = new HttpClient();

        foreach (var path in new[] { "", "assets/site.0123abcd.css", "no/such/page/" })
        {
            using var response = await http.GetAsync(server.RootUrl + path);
            Assert.Equal(path.StartsWith("no/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
            foreach (var (name, value) in everywhere)
            {
                Assert.Equal((string)value, Header(response, name));
            }

            Assert.Equal(path.StartsWith("assets/", StringComparison.Ordinal) ? (string)assets["Cache-Control"] : StaticFileServer.DefaultCacheControl, Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task With_live_reload_the_policy_allows_connect_src_self_and_nothing_more()
    {
        using var temp = new TempDir();
        temp.Write("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>");
        var headers = NetlifyHeaders.Load(Path.Combine(Repo.Root, "netlify.toml"));
        var policy = headers.For("/").Single(h => h.Key == "Content-Security-Policy").Value;
        using var server = StaticFileServer.Start(new StaticFileServerOptions
        {
            Root = temp.Path,
            Headers = headers,
            LiveReload = new LiveReload(),
        });
        using var http = new HttpClient();

        using var page = await http.GetAsync(server.RootUrl);
        using var script = await http.GetAsync(server.RootUrl + "_preview/live-reload.js");

        // Search already needs connect-src 'self' in production; a policy without it gains it.
        var expected = policy.Contains("connect-src 'self'", StringComparison.Ordinal) ? policy : policy + "; connect-src 'self'";
        Assert.Equal(expected, Header(page, "Content-Security-Policy"));
        Assert.Equal(expected, Header(script, "Content-Security-Policy"));
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType?.ToString());
    }

    /// <summary>A header as sent, not as HttpClient would re-format it.</summary>
    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
