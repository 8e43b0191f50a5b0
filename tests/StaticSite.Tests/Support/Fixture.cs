namespace StaticSite.Tests.Support;

/// <summary>
/// A small whole site for one test: tests/fixtures/base, with one case's files laid over it
/// (as Zola keeps test_sites_invalid). Built with the real theme unless the case brings one.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    private readonly TempDir _temp = new();

    /// <param name="overlay">A case folder laid over the base site.</param>
    /// <param name="group">The fixtures folder it is in: <c>invalid</c> (builds that fail) or <c>warnings</c> (builds that warn).</param>
    public FixtureSite(string? overlay = null, string group = "invalid")
    {
        TempDir.Copy(Path.Combine(Repo.Fixtures, "base"), _temp.Path);
        if (overlay is not null)
        {
            TempDir.Copy(Path.Combine(Repo.Fixtures, group, overlay), _temp.Path);
        }

        if (!Directory.Exists(_temp.Combine("theme")))
        {
            TempDir.Copy(Repo.Theme, _temp.Combine("theme"));
        }
    }

    /// <summary>The case folders of one fixtures group, in order, for a theory's data.</summary>
    public static TheoryData<string> Cases(string group)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Repo.Fixtures, group)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
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
