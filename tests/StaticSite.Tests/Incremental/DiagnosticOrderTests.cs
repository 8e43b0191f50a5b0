using StaticSite.Diagnostics;

namespace StaticSite.Tests.Incremental;

/// <summary>
/// serve sorts each rebuild's diagnostics by merging the new ones into the last build's sorted
/// list; the result must be exactly what sorting them all afresh gives, whatever came and went.
/// </summary>
public sealed class DiagnosticOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Merging_into_the_last_builds_order_gives_the_same_list_as_sorting_afresh(int seed)
    {
        var random = new Random(seed);
        Diagnostic Make() => new(
            random.Next(2) == 0 ? Severity.Warning : Severity.Error,
            "CODE" + random.Next(3),
            "message " + random.Next(4),
            random.Next(5) == 0 ? null : "input/page" + random.Next(6) + ".md",
            random.Next(4),
            random.Next(3));

        var first = new DiagnosticBag();
        var kept = Enumerable.Range(0, 200).Select(_ => Make()).ToList();
        kept.ForEach(first.Add);
        var previous = first.Sorted();

        // The next build: most of the same objects again (some twice), some gone, some new, some
        // new objects equal in value to old ones.
        var next = new DiagnosticBag();
        foreach (var diagnostic in kept.Where(_ => random.Next(4) != 0))
        {
            next.Add(diagnostic);
            if (random.Next(10) == 0)
            {
                next.Add(diagnostic);
            }
        }

        foreach (var diagnostic in Enumerable.Range(0, 50).Select(_ => Make()))
        {
            next.Add(diagnostic);
        }

        var afresh = next.Sorted();
        Assert.True(afresh.Count < 250, "the data should have duplicates to drop");
        Assert.Equal(afresh, next.Sorted(previous));
    }
}
