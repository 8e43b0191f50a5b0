namespace StaticSite.Tests.Support;

/// <summary>
/// A small whole site for one test: tests/fixtures/base, with one case's files laid over it
/// (as Zola keeps test_sites_invalid). Built with the real theme unless the case brings one.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    private readonly TempDir _temp = new();

    public FixtureSite(string? invalidCase = null)
    {
        TempDir.Copy(Path.Combine(Repo.Fixtures, "base"), _temp.Path);
        if (invalidCase is not null)
        {
            TempDir.Copy(Path.Combine(Repo.Fixtures, "invalid", invalidCase), _temp.Path);
        }

        if (!Directory.Exists(_temp.Combine("theme")))
        {
            TempDir.Copy(Repo.Theme, _temp.Combine("theme"));
        }
    }

    public string Root => _temp.Path;

    public string Output => _temp.Combine("_site");

    public void Write(string relative, string text) => _temp.Write(relative, text);

    public BuildOptions Options(string? basePath = null) => new()
    {
        SiteRoot = Root,
        BasePath = basePath,
        Today = new DateOnly(2026, 11, 23),
    };

    public BuildResult Build(string? basePath = null) => Site.Build(Options(basePath));

    public void Dispose() => _temp.Dispose();
}
