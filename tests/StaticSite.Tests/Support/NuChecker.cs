using System.Diagnostics;

namespace StaticSite.Tests.Support;

/// <summary>
/// The Nu Html Checker (the W3C validator's engine), run locally: vnu.jar from
/// tools/node_modules (npm ci --prefix tools) or $VNU_JAR, with java from PATH.
/// </summary>
public static class NuChecker
{
    public static string? Jar { get; } = FindJar();

    public static string? Java { get; } = Tools.Find("java");

    public static string? MissingReason => Jar is null
        ? "Nu Html Checker not found: run 'npm ci --prefix tools' (or set VNU_JAR to vnu.jar)"
        : Java is null ? "java not found: install it with 'apt-get install default-jre-headless'" : null;

    /// <summary>Validates every HTML file under a folder; returns the checker's messages (empty when valid).</summary>
    public static string Validate(string folder) => Run("--skip-non-html", folder);

    /// <summary>Validates SVG files against the checker's SVG schema; returns its messages (empty when valid).</summary>
    public static string ValidateSvg(params string[] files) => Run(["--also-check-svg", "--skip-non-svg", .. files]);

    private static string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Java!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", Jar!, "--format", "gnu" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (stdout + stderr.Result).Trim();
    }

    private static string? FindJar()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("VNU_JAR"),
            Path.Combine(Repo.Root, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}

/// <summary>Finds the command-line tools some tests drive.</summary>
public static class Tools
{
    /// <summary>/usr/bin/NAME (where Debian puts it), else the first NAME on PATH, else null.</summary>
    public static string? Find(string name)
    {
        var usual = "/usr/bin/" + name;
        return File.Exists(usual)
            ? usual
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that is skipped, with the reason shown, when the Nu Html Checker cannot run here.</summary>
public sealed class NuCheckerFactAttribute : FactAttribute
{
    public NuCheckerFactAttribute()
    {
        if (NuChecker.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
