using System.Diagnostics;

namespace StaticSite;

/// <summary>
/// How long one stage took, how much it allocated, and how many methods the JIT compiled for it
/// (all threads), for <c>--timings</c>. Compiled methods are code that ReadyToRun could not
/// provide ahead of time: start-up work, not the site's.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, long AllocatedBytes = 0, long JitMethods = 0, TimeSpan JitTime = default);

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
    private long _lastJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
    private TimeSpan _lastJitTime = System.Runtime.JitInfo.GetCompilationTime();

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> run)
    {
        started?.Invoke(stage);
        var result = run();
        var now = _watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        _timings.Add(new StageTiming(stage, now - _lastEnd, allocated - _lastAllocated, jitMethods - _lastJitMethods, jitTime - _lastJitTime));
        _lastEnd = now;
        _lastAllocated = allocated;
        _lastJitMethods = jitMethods;
        _lastJitTime = jitTime;
        return result;
    }

    public void Time(string stage, Action run) => Time(stage, () =>
    {
        run();
        return 0;
    });
}
