using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using StaticSite.Diagnostics;
using StaticSite.Tests.Support;
using Xunit.Abstractions;

namespace StaticSite.Tests.Fuzz;

/// <summary>
/// Whatever an author saves, the build ends in success or in failure with diagnostics: never an
/// exception, never a generator fault (SS005, an exception the per-page safety net caught). Each
/// case is one generated page (<see cref="FuzzPages"/>) built in-process into a small site.
/// A few hundred cases run with every <c>dotnet test</c>; <c>bench/fuzz.sh</c> runs 100,000 by
/// setting <c>STATICSITE_FUZZ_CASES</c> (and <c>STATICSITE_FUZZ_SEED</c> to replay a run).
/// </summary>
public sealed class BuildFuzzTests(FuzzSite site, ITestOutputHelper output) : IClassFixture<FuzzSite>
{
    private const int DefaultCases = 300;

    [Fact]
    public void Any_page_builds_or_fails_with_diagnostics_never_an_exception()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("STATICSITE_FUZZ_CASES"), out var n) && n > 0 ? n : DefaultCases;
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true).WithEndSize(60);
        if (Environment.GetEnvironmentVariable("STATICSITE_FUZZ_SEED") is { } seed && seed.Split(',') is [var first, var second])
        {
            config = config.WithReplay(Replay(ulong.Parse(first, System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(second, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var clock = Stopwatch.StartNew();
        Prop.ForAll(FuzzPages.Arbitrary(), site.BuildsOrReports).Check(config);

        output.WriteLine($"fuzz: {cases} cases, 0 crashes, {clock.Elapsed.TotalSeconds:0.0} s; {site.Summary}");
    }

    private static Replay Replay(ulong seed, ulong gamma) => new(new Rnd(seed, gamma), null);
}

/// <summary>The base fixture site with a glossary, made once; each case replaces one page and builds.</summary>
public sealed class FuzzSite : IDisposable
{
    private readonly FixtureSite _site = new();
    private readonly object _oneBuildAtATime = new();
    private int _built;
    private int _rendered;
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    public FuzzSite()
    {
        // A glossary, so the generated articles go through glossary linking too.
        _site.Write("input/glossary.yml",
            "terms:\n  - term: DVT\n    stands_for: deep vein thrombosis\n    definition: A blood clot in a deep vein.\n" +
            "  - term: tendon\n    definition: A strong cord that joins a muscle to a bone.\n    also: [tendons]\n" +
            "  - term: knee\n    definition: The joint in the middle of the leg.\n");
    }

    /// <summary>Builds the site with <paramref name="page"/> at input/guide/fuzz.md; throws if the build did.</summary>
    public void BuildsOrReports(FuzzPage page)
    {
        lock (_oneBuildAtATime)
        {
            File.WriteAllBytes(Path.Combine(_site.Root, "input", "guide", "fuzz.md"), page.Bytes());
            var result = Site.Build(_site.Options());
            _built += result.Succeeded ? 1 : 0;
            _rendered += result.Timings.Any(t => t.Stage == "render") ? 1 : 0;
            foreach (var code in result.Errors.Select(e => e.Code).Distinct())
            {
                _codes[code] = _codes.GetValueOrDefault(code) + 1;
            }
            if (!result.Succeeded && !result.Errors.Any())
            {
                throw new Xunit.Sdk.XunitException("the build failed without saying why");
            }

            if (result.Errors.FirstOrDefault(e => e.Code == Codes.PageFailed) is { } fault)
            {
                throw new Xunit.Sdk.XunitException($"a generator fault was caught, not prevented: {fault}");
            }
        }
    }

    /// <summary>How far the cases got: a fuzz that never reaches the render stage tests little.</summary>
    public string Summary =>
        $"{_built} built, {_rendered} rendered; errors by code (cases): {string.Join(", ", _codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))}";

    public void Dispose() => _site.Dispose();
}
