using StaticSite.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace StaticSite.Tests.Publishing;

/// <summary>The GitHub Actions workflows, read as YAML: what runs, in which order, with what.</summary>
public sealed class WorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", name))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value ?? "";

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static List<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)At(workflow, "jobs", job, "steps")).Cast<YamlMappingNode>().ToList();

    private static int IndexOfUses(List<YamlMappingNode> steps, string action) =>
        steps.FindIndex(s => Has(s, "uses") && Text(s, "uses").StartsWith(action + "@", StringComparison.Ordinal));

    private static int IndexOfRun(List<YamlMappingNode> steps, string command) =>
        steps.FindIndex(s => Has(s, "run") && Text(s, "run").Contains(command, StringComparison.Ordinal));

    private static void AssertSdkFromGlobalJson(List<YamlMappingNode> steps)
    {
        var setup = IndexOfUses(steps, "actions/setup-dotnet");
        Assert.True(setup >= 0, "no actions/setup-dotnet step");
        Assert.Equal("global.json", Text(steps[setup], "with", "global-json-file"));
        Assert.True(IndexOfUses(steps, "actions/checkout") is var checkout && checkout >= 0 && checkout < setup, "checkout must come before setup-dotnet reads global.json");
    }

    [Fact]
    public void Pages_deploys_main_with_the_least_permissions_one_run_at_a_time()
    {
        var workflow = Load("pages.yml");

        Assert.Equal(["main"], ((YamlSequenceNode)At(workflow, "on", "push", "branches")).Select(n => ((YamlScalarNode)n).Value));
        Assert.True(Has(At(workflow, "on"), "workflow_dispatch"));
        Assert.False(Has(At(workflow, "on"), "pull_request"), "pull requests must not deploy");
        Assert.Equal("write", Text(workflow, "permissions", "pages"));
        Assert.Equal("write", Text(workflow, "permissions", "id-token"));
        Assert.Equal("read", Text(workflow, "permissions", "contents"));
        Assert.Equal(3, ((YamlMappingNode)At(workflow, "permissions")).Children.Count);
        Assert.Equal("pages", Text(workflow, "concurrency", "group"));
    }

    [Fact]
    public void Pages_tests_then_builds_with_the_base_path_and_origin_from_configure_pages_and_uploads_the_output()
    {
        var steps = Steps(Load("pages.yml"), "build");
        AssertSdkFromGlobalJson(steps);

        var configure = IndexOfUses(steps, "actions/configure-pages");
        Assert.True(configure >= 0, "no actions/configure-pages step");
        Assert.Equal("pages", Text(steps[configure], "id"));

        var test = IndexOfRun(steps, "dotnet test");
        var build = IndexOfRun(steps, "staticsite/StaticSite build");
        var upload = IndexOfUses(steps, "actions/upload-pages-artifact");
        Assert.True(test >= 0 && build >= 0 && upload >= 0, "needs a dotnet test step, a build step and an upload step");
        Assert.True(configure < build && test < upload && build < upload, "order: configure-pages and tests, then build, then upload");

        // The published generator is kept between runs (minutes to compile), and made again on a miss.
        var cache = IndexOfUses(steps, "actions/cache");
        var publish = IndexOfRun(steps, "dotnet publish -c Release src/StaticSite -o .build/staticsite");
        Assert.True(cache >= 0 && publish >= 0, "needs a cache step and a publish step");
        Assert.True(cache < publish && publish < build, "order: restore the generator, publish it on a miss, then build");
        Assert.Equal(".build/staticsite", Text(steps[cache], "with", "path"));
        Assert.Contains("hashFiles('global.json', 'src/**/*.cs'", Text(steps[cache], "with", "key"), StringComparison.Ordinal);
        Assert.Equal($"steps.{Text(steps[cache], "id")}.outputs.cache-hit != 'true'", Text(steps[publish], "if"));

        var run = Text(steps[build], "run");
        // The native program itself: no runtime to start, and no hand-over from StaticSite.dll.
        Assert.Contains(".build/staticsite/StaticSite build --output _site", run, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet .build", run, StringComparison.Ordinal);
        Assert.Contains("--base-path \"$BASE_PATH/\"", run, StringComparison.Ordinal);
        Assert.Contains("--url \"$ORIGIN\"", run, StringComparison.Ordinal);
        // Through env, not spliced into the script: the values are data, never shell code.
        Assert.Equal("${{ steps.pages.outputs.base_path }}", Text(steps[build], "env", "BASE_PATH"));
        Assert.Equal("${{ steps.pages.outputs.origin }}", Text(steps[build], "env", "ORIGIN"));
        Assert.Equal("_site", Text(steps[upload], "with", "path"));
    }

    [Fact]
    public void Pages_deploys_the_uploaded_site_in_the_github_pages_environment()
    {
        var workflow = Load("pages.yml");
        var deploy = At(workflow, "jobs", "deploy");
        var steps = Steps(workflow, "deploy");

        Assert.Equal("build", Text(deploy, "needs"));
        Assert.Equal("github-pages", Text(deploy, "environment", "name"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", Text(deploy, "environment", "url"));
        var step = IndexOfUses(steps, "actions/deploy-pages");
        Assert.True(step >= 0, "no actions/deploy-pages step");
        Assert.Equal("deployment", Text(steps[step], "id"));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/leg-knee", "/leg-knee/")]
    public void The_pages_build_command_line_is_accepted_for_user_and_project_sites(string basePath, string expected)
    {
        var run = Text(Steps(Load("pages.yml"), "build")[IndexOfRun(Steps(Load("pages.yml"), "build"), "staticsite/StaticSite build")], "run");
        var env = new Dictionary<string, string> { ["BASE_PATH"] = basePath, ["ORIGIN"] = "https://someone.github.io" };
        const string program = "staticsite/StaticSite ";
        var args = Shell.Words(run[(run.IndexOf(program, StringComparison.Ordinal) + program.Length)..], env);
        using var site = new FixtureSite();
        var output = Path.Combine(site.Root, "_site");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Cli.CommandLine.Run([.. args.Select(a => a == "_site" ? output : a), "--root", site.Root, "--today", "2026-11-23"], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains($"<link rel=\"canonical\" href=\"https://someone.github.io{expected}\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_runs_the_tests_with_chromium_on_every_push_and_pull_request()
    {
        var workflow = Load("ci.yml");
        Assert.True(Has(At(workflow, "on"), "push"));
        Assert.True(Has(At(workflow, "on"), "pull_request"));
        Assert.Equal("read", Text(workflow, "permissions", "contents"));

        var steps = Steps(workflow, "test");
        AssertSdkFromGlobalJson(steps);
        var chromium = steps.FindIndex(s => Has(s, "run") && Text(s, "run").Contains("apt-get install", StringComparison.Ordinal) && Text(s, "run").Contains("chromium", StringComparison.Ordinal));
        var test = IndexOfRun(steps, "dotnet test");
        Assert.True(chromium >= 0, "Chromium must be installed, or the browser tests are skipped");
        Assert.True(test > chromium, "dotnet test must run after Chromium is installed");
    }
}

/// <summary>Just enough of the shell's word splitting for one command line: quotes and $NAME.</summary>
internal static class Shell
{
    public static List<string> Words(string line, IReadOnlyDictionary<string, string> env)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (c == '$' && i + 1 < line.Length && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] == '_'))
            {
                var end = i + 1;
                while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_'))
                {
                    end++;
                }

                current.Append(env[line[(i + 1)..end]]);
                i = end - 1;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
