using System.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Publishing;

/// <summary>
/// scripts/netlify-build.sh, run with stand-in <c>dotnet</c> and <c>curl</c> commands that only
/// record how they were called: whether it downloads the SDK, and what it builds, without
/// downloading or building anything.
/// </summary>
public sealed class NetlifyBuildScriptTests : IDisposable
{
    private static readonly string Script = Path.Combine(Repo.Root, "scripts", "netlify-build.sh");

    private readonly TempDir _temp = new();

    private string Log => _temp.Combine("calls.log");

    private string Bin => _temp.Combine("bin");

    private string Home => _temp.Combine("home");

    public NetlifyBuildScriptTests()
    {
        Directory.CreateDirectory(Home);
        // curl is only ever asked for dotnet-install.sh; failing keeps the test offline.
        Fake(Path.Combine(Bin, "curl"), "echo \"curl $*\" >> \"$CALLS\"; exit 22");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A stand-in dotnet: satisfies global.json or not, and records every call.</summary>
    private void FakeDotnet(string folder, bool satisfiesGlobalJson) => Fake(Path.Combine(folder, "dotnet"),
        $"echo \"$0 $*\" >> \"$CALLS\"; if [ \"$1\" = --version ]; then {(satisfiesGlobalJson ? "echo 10.0.100" : "exit 155")}; fi");

    private static void Fake(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private (int Code, string Output, string[] Calls) Run(params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("bash", [Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Bin + ":/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = Home;
        start.Environment["CALLS"] = Log;
        start.Environment.Remove("DOTNET_INSTALL_DIR");
        start.Environment.Remove("DOTNET_ROOT");
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the script did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result, File.Exists(Log) ? File.ReadAllLines(Log) : []);
    }

    [Fact]
    public void The_script_is_valid_bash()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-n", Script]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }

    [Fact]
    public void With_a_suitable_dotnet_on_the_path_it_downloads_nothing_and_builds_in_release_into_site()
    {
        FakeDotnet(Bin, satisfiesGlobalJson: true);

        var (code, output, calls) = Run();

        Assert.True(code == 0, output);
        Assert.DoesNotContain(calls, c => c.StartsWith("curl", StringComparison.Ordinal));
        Assert.Equal($"{Bin}/dotnet publish -c Release src/StaticSite -o .build/staticsite --nologo -v quiet -p:QuickPublish=true", calls[^2]);
        Assert.Equal($"{Bin}/dotnet .build/staticsite/StaticSite.dll build --output _site", calls[^1]);
    }

    [Fact]
    public void An_sdk_installed_by_an_earlier_run_is_used_instead_of_downloading_again()
    {
        FakeDotnet(Bin, satisfiesGlobalJson: false);
        FakeDotnet(Path.Combine(Home, ".dotnet"), satisfiesGlobalJson: true);

        var (code, output, calls) = Run();

        Assert.True(code == 0, output);
        Assert.DoesNotContain(calls, c => c.StartsWith("curl", StringComparison.Ordinal));
        Assert.Equal($"{Home}/.dotnet/dotnet publish -c Release src/StaticSite -o .build/staticsite --nologo -v quiet -p:QuickPublish=true", calls[^2]);
        Assert.Equal($"{Home}/.dotnet/dotnet .build/staticsite/StaticSite.dll build --output _site", calls[^1]);
    }

    [Fact]
    public void Without_a_suitable_dotnet_it_fetches_microsofts_installer_and_never_builds_with_the_wrong_sdk()
    {
        FakeDotnet(Bin, satisfiesGlobalJson: false);

        var (code, output, calls) = Run();

        Assert.NotEqual(0, code);
        Assert.Contains(calls, c => c.StartsWith("curl", StringComparison.Ordinal) && c.Contains("https://dot.net/v1/dotnet-install.sh", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Contains(" run ", StringComparison.Ordinal));
        Assert.Contains($"Installing the .NET SDK pinned in global.json into {Home}/.dotnet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installer_is_given_global_json_and_a_local_folder()
    {
        var text = File.ReadAllText(Script);

        Assert.Contains("--jsonfile global.json --install-dir \"$install_dir\"", text, StringComparison.Ordinal);
        Assert.Contains("${DOTNET_INSTALL_DIR:-$HOME/.dotnet}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://leg-and-knee.netlify.app", false)]
    [InlineData("https://leg-and-knee.netlify.app/", false)]
    [InlineData("https://www.legandknee.example", true)]
    public void A_production_deploy_warns_when_netlify_serves_another_address_than_site_yml_names(string netlifyUrl, bool warns)
    {
        FakeDotnet(Bin, satisfiesGlobalJson: true);

        var (code, output, _) = Run(("CONTEXT", "production"), ("URL", netlifyUrl));

        Assert.True(code == 0, output);
        Assert.Equal(warns, output.Contains("warning: input/site.yml has url: https://leg-and-knee.netlify.app", StringComparison.Ordinal));
    }
}
