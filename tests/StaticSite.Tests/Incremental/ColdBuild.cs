using StaticSite.Tests.Support;

namespace StaticSite.Tests.Incremental;

/// <summary>
/// A build from nothing of a copy of a site's input/ and theme/, in a folder of its own: what an
/// incremental build of the same input must give, byte for byte.
/// </summary>
public sealed record ColdBuild(BuildResult Result, OutputSnapshot Output)
{
    /// <summary>The day every build in these tests takes as today, so review dates do not rot.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static BuildOptions Options(string siteRoot) => new() { SiteRoot = siteRoot, Today = Today };

    /// <summary>Copies input/ and theme/ of <paramref name="siteRoot"/> as they are now, builds the copy, and keeps what it made.</summary>
    public static ColdBuild Of(string siteRoot)
    {
        using var copy = new TempDir();
        TempDir.Copy(Path.Combine(siteRoot, "input"), copy.Combine("input"));
        TempDir.Copy(Path.Combine(siteRoot, "theme"), copy.Combine("theme"));
        var result = Site.Build(Options(copy.Path));
        return new ColdBuild(result, OutputSnapshot.Of(copy.Combine("_site")));
    }
}

/// <summary>The real site as it is in the repository, built cold once for a whole test class.</summary>
public sealed class OriginalSiteBuild
{
    public ColdBuild Build { get; } = ColdBuild.Of(Repo.Root);
}
