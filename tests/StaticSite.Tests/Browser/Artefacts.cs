using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Screenshots the browser tests keep for people to look at (forced colours, text spacing):
/// tests/StaticSite.Tests/TestResults/artefacts, or $TEST_ARTEFACTS_DIR. CI uploads the folder.
/// </summary>
public static class Artefacts
{
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("TEST_ARTEFACTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Repo.Root, "tests", "StaticSite.Tests", "TestResults", "artefacts");

    /// <summary>The path to write the artefact <paramref name="name"/> to (the folder is made).</summary>
    public static string PathFor(string name)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, name);
    }
}
