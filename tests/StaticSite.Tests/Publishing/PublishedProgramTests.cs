using System.Diagnostics;
using StaticSite.Tests.Markdown;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Publishing;

/// <summary>
/// What hosts run is the generator published as one native program (Native AOT), while every
/// other test runs the same code under the JIT. Trimming and ahead-of-time compilation can change
/// behaviour (reflection that finds nothing, a feature switched off), so the published program is
/// made here, as the Pages workflow makes it, and held to the tested code's output: the real site
/// byte for byte, images measured and resized, a full disk reported, and <c>dotnet
/// StaticSite.dll</c> handing over to it.
/// </summary>
public sealed class PublishedProgramTests(PublishedProgram published) : IClassFixture<PublishedProgram>
{
    private const string Today = "2026-11-23";

    [NativeToolchainFact]
    public void The_native_program_builds_the_real_site_byte_for_byte_as_the_tested_code_does()
    {
        using var temp = new TempDir();
        var expected = InProcess(["build", "--root", Repo.Root, "--output", temp.Combine("jit"), "--today", Today]);

        var native = published.Run(published.Native, ["build", "--root", Repo.Root, "--output", temp.Combine("aot"), "--today", Today]);

        Assert.True(native.ExitCode == 0, native.Output);
        Assert.Equal(expected.Replace(temp.Combine("jit"), "OUT", StringComparison.Ordinal), native.Output.Replace(temp.Combine("aot"), "OUT", StringComparison.Ordinal));
        AssertSameFiles(temp.Combine("jit"), temp.Combine("aot"));
    }

    [NativeToolchainFact]
    public void Started_as_dotnet_StaticSite_dll_it_hands_over_to_the_native_program()
    {
        using var temp = new TempDir();

        var run = published.Run("dotnet", [published.ManagedEntry, "build", "--root", Repo.Root, "--output", temp.Combine("out"), "--today", Today, "--timings"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(File.Exists(temp.Combine("out", "index.html")));
        // The native program compiles nothing at run time; the managed one would have.
        var total = Assert.Single(run.Output.Split('\n'), line => line.TrimStart().StartsWith("total ", StringComparison.Ordinal));
        Assert.EndsWith("0 in    0.0 ms", total.TrimEnd(), StringComparison.Ordinal);
    }

    [NativeToolchainFact]
    public void Images_are_measured_and_given_resized_copies_as_the_tested_code_does()
    {
        using var figures = new FigureSite();
        using var temp = new TempDir();

        var native = published.Run(published.Native, ["build", "--root", figures.Fixture.Root, "--output", temp.Combine("aot"), "--base-path", FigureSite.BasePath, "--today", Today]);

        Assert.True(native.ExitCode == 0, native.Output);
        const string page = "guide/figures/index.html";
        Assert.Equal(File.ReadAllText(Path.Combine(figures.Fixture.Output, page)), File.ReadAllText(Path.Combine(temp.Combine("aot"), page)));
        // Resized copies at the same widths; their bytes may differ where the two compilers vectorise differently.
        Assert.Equal(Files(figures.Fixture.Output).Where(f => !f.StartsWith('.')), Files(temp.Combine("aot")).Where(f => !f.StartsWith('.')));
    }

    [NativeToolchainFact]
    public void A_write_the_system_refuses_is_an_error_naming_the_file_not_a_crash()
    {
        using var site = new FixtureSite();
        var build = new[] { "build", "--root", site.Root, "--today", Today };
        Assert.True(published.Run(published.Native, build).ExitCode == 0);
        site.Write("input/guide/article.md", File.ReadAllText(Path.Combine(site.Root, "input", "guide", "article.md")) + "\nA change.\n");

        // A limit of 1 KB a file: the system refuses to write the changed page (EFBIG), as a full disk would.
        var full = published.Run("/bin/bash", ["-c", "ulimit -f 1; trap '' XFSZ; exec \"$0\" \"$@\"", published.Native, .. build]);

        Assert.Equal(1, full.ExitCode);
        Assert.Contains("_site/guide/article/index.html: error SS011: could not write guide/article/index.html: ", full.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Output, StringComparison.Ordinal);
    }

    private static string InProcess(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.CommandLine.Run(args, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return stdout.ToString() + stderr;
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        Assert.True(files.Count > 30, $"only {files.Count} files built");
        // The output marker's manifest records when each file was written, so only its presence is compared.
        foreach (var file in files.Where(f => f != ".staticsite-output"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }
}

/// <summary>The generator published once for these tests, as the Pages workflow publishes it.</summary>
public sealed class PublishedProgram : IDisposable
{
    private readonly TempDir _folder = new();

    public PublishedProgram()
    {
        if (NativeToolchainFactAttribute.SkipReason is not null)
        {
            return;
        }

        var publish = Run("dotnet", ["publish", "-c", "Release", Path.Combine(Repo.Root, "src", "StaticSite"), "-o", _folder.Combine("pub"), "--nologo", "-v", "quiet"], TimeSpan.FromMinutes(15));
        if (publish.ExitCode != 0 || !File.Exists(Native))
        {
            throw new InvalidOperationException($"dotnet publish failed (exit {publish.ExitCode}):\n{publish.Output}");
        }
    }

    public string Native => _folder.Combine("pub", "StaticSite");

    public string ManagedEntry => _folder.Combine("pub", "StaticSite.dll");

    public (int ExitCode, string Output) Run(string program, IEnumerable<string> args) => Run(program, args, TimeSpan.FromMinutes(2));

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {timeout}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>Skipped, with the reason, where no C toolchain can link a native program (Native AOT needs one).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeToolchainFactAttribute : FactAttribute
{
    public static string? SkipReason { get; } =
        !OperatingSystem.IsLinux() ? "the published native program is tested on Linux, where the Pages workflow makes it"
        : !OnPath("gcc") && !OnPath("clang") ? "no C toolchain to link the native program: install gcc ('apt-get install gcc')"
        : null;

    public NativeToolchainFactAttribute()
    {
        Skip = SkipReason;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
}
