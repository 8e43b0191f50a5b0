using System.Diagnostics;

namespace StaticSite;

/// <summary>How long one stage took and how much it allocated (all threads), for <c>--timings</c>.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, long AllocatedBytes = 0);

/// <summary>
/// Times the stages of one build back to back, so that together they cover the whole of
/// <see cref="Site.Build"/>: the time between two stages is charged to the later one.
/// </summary>
public sealed class StageClock(Action<string>? started = null)
{
    private readonly List<StageTiming> _timings = [];
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastEnd;
    private long _lastAllocated = GC.GetTotalAllocatedBytes(precise: false);

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> run)
    {
        started?.Invoke(stage);
        var result = run();
        var now = _watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        _timings.Add(new StageTiming(stage, now - _lastEnd, allocated - _lastAllocated));
        _lastEnd = now;
        _lastAllocated = allocated;
        return result;
    }

    public void Time(string stage, Action run) => Time(stage, () =>
    {
        run();
        return 0;
    });
}
