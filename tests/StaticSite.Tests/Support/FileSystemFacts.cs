namespace StaticSite.Tests.Support;

/// <summary>
/// A test that makes symbolic links at run time (git cannot be relied on to keep them in fixtures
/// on every system). Skipped, with the reason, where this user cannot make one (Windows without
/// Developer Mode).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SymlinkFactAttribute : FactAttribute
{
    public SymlinkFactAttribute()
    {
        if (!FileSystemAbilities.CanCreateSymlinks)
        {
            Skip = "this user cannot create symbolic links here (on Windows, turn on Developer Mode)";
        }
    }
}

/// <summary>
/// A test that needs a file this user cannot read. Skipped, with the reason, where permissions do
/// not stop the user (root, or any process with CAP_DAC_OVERRIDE, reads a file chmod 000) or the
/// system has no Unix permissions.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnreadableFileFactAttribute : FactAttribute
{
    public UnreadableFileFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix file permissions";
        }
        else if (!FileSystemAbilities.PermissionsStopReading)
        {
            Skip = "file permissions do not stop this user reading (it runs as root or with CAP_DAC_OVERRIDE), so no file can be made unreadable";
        }
    }
}

/// <summary>A test of Unix file system behaviour (sockets, permissions); skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
    }
}

/// <summary>What this process may do to files, found out once by trying.</summary>
public static class FileSystemAbilities
{
    public static bool CanCreateSymlinks { get; } = Try(temp =>
    {
        File.WriteAllText(temp.Combine("target"), "");
        File.CreateSymbolicLink(temp.Combine("link"), temp.Combine("target"));
    });

    public static bool PermissionsStopReading { get; } = !OperatingSystem.IsWindows() && !CanReadALockedFile();

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool CanReadALockedFile() => Try(temp =>
    {
        var file = temp.Combine("locked");
        File.WriteAllText(file, "");
        File.SetUnixFileMode(file, UnixFileMode.None);
        File.ReadAllBytes(file);
    });

    private static bool Try(Action<TempDir> attempt)
    {
        using var temp = new TempDir();
        try
        {
            attempt(temp);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
