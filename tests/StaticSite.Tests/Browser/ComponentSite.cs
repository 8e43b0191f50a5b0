using StaticSite.Preview;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// The fixture pages that show every component, served for the browser: the base site with the
/// glossary fixture (a glossary link and its entry) and the component fixture (checklists, a care
/// card of each level, steps) laid over it. Fixture pages change only when a test changes them,
/// so their whole accessibility tree can be kept as an expected file.
/// </summary>
public sealed class ComponentSite : IDisposable
{
    /// <summary>Checklists, a care card of each level, steps and "On this page".</summary>
    public const string Components = "guide/components/";

    /// <summary>An article whose first "DVT" links to the glossary and is spelled out.</summary>
    public const string GlossaryLink = "guide/terms/";

    /// <summary>The search page showing its results for "calf", as the header form sends a query.</summary>
    public const string SearchResults = "search/?q=calf";

    private readonly FixtureSite _fixture = new("glossary", "warnings");
    private readonly BuiltSite _site;
    private readonly StaticFileServer? _server;

    public ComponentSite()
    {
        TempDir.Copy(Path.Combine(Repo.Fixtures, "components"), _fixture.Root);
        _site = new BuiltSite(_fixture.Root);
        // Without Chromium nothing would visit it: build (cheap) but do not serve.
        if (_site.Result.Succeeded && Chromium.ExecutablePath is not null)
        {
            _server = StaticFileServer.Start(_site.Output, _site.BasePath);
        }
    }

    public BuiltSite Site => _site;

    public string Url(string path)
    {
        Assert.True(_site.Result.Succeeded, _site.Errors);
        return _server!.RootUrl + path;
    }

    public void Dispose()
    {
        _server?.Dispose();
        _site.Dispose();
        _fixture.Dispose();
    }
}
