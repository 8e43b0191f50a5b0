using StaticSite.Cli;
using StaticSite.Diagnostics;

namespace StaticSite.Tests.Commands;

/// <summary>What the terminal shows after a build, and after each rebuild in serve.</summary>
public sealed class BuildReportTests
{
    private static readonly BuildOptions Options = new() { SiteRoot = "/site" };

    private static readonly Diagnostic Old = new(Severity.Warning, "READ001", "reading ease 40.0 is below 60", "input/a.md");
    private static readonly Diagnostic New = new(Severity.Warning, "PLAIN002", "sentence of 30 words", "input/b.md", 3, 1);
    private static readonly Diagnostic Error = new(Severity.Error, "LINK001", "link 'x.md' goes to no page", "input/a.md", 9, 5);

    private static (string Out, string Error) Write(BuildResult result, IReadOnlySet<Diagnostic>? shownBefore)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        BuildReport.Write(result, Options, new Terminal(stdout, stderr), shownBefore: shownBefore);
        return (stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_rebuild_in_serve_prints_only_the_warnings_it_did_not_print_last_time_and_counts_the_rest()
    {
        var result = new BuildResult(true, [Old, New], [], 2, new Dictionary<string, byte[]>());

        var first = Write(result, null);
        var again = Write(result, new HashSet<Diagnostic> { Old });

        Assert.Contains(Old.ToString(), first.Out, StringComparison.Ordinal);
        Assert.Contains(New.ToString(), first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Old.ToString(), again.Out, StringComparison.Ordinal);
        Assert.Contains(New.ToString(), again.Out, StringComparison.Ordinal);
        Assert.Contains("with 2 warnings (1 as before, not repeated).", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_printed_on_every_rebuild_as_the_page_shows_them()
    {
        var failed = new BuildResult(false, [Error], [], 2, new Dictionary<string, byte[]>());

        var again = Write(failed, new HashSet<Diagnostic> { Error });

        Assert.Contains(Error.ToString(), again.Error, StringComparison.Ordinal);
    }
}
