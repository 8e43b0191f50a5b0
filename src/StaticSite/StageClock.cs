using System.Diagnostics;

namespace StaticSite;

/// <summary>
/// How long one stage took, the processor time it used, how much it allocated, how long the
/// garbage collector stopped it, and how many methods the JIT compiled for it (all threads), for
/// <c>--timings</c>. Processor time over elapsed time is how many cores the stage kept busy. The
/// collector's pauses grow with what survives, not with what is allocated, so they show where
/// data is kept too long. Compiled methods are code that ahead-of-time compilation could not
/// provide: start-up work, not the site's.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, long AllocatedBytes = 0, long JitMethods = 0, TimeSpan JitTime = default, TimeSpan Cpu = default, TimeSpan GcPaused = default);

/// <summary>What the runtime has counted so far, on all threads: processor time (user and system), bytes allocated, the collector's pauses, methods the JIT compiled, and its time.</summary>
public readonly record struct RuntimeCounters(long Allocated, long JitMethods, TimeSpan JitTime, TimeSpan Cpu, TimeSpan GcPaused)
{
    public static RuntimeCounters Now() =>
        new(GC.GetTotalAllocatedBytes(precise: false), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime(), Environment.CpuUsage.TotalTime, GC.GetTotalPauseDuration());

    /// <summary>A stage that took <paramref name="elapsed"/> and ran from <paramref name="start"/> to these counts.</summary>
    public StageTiming Since(RuntimeCounters start, string stage, TimeSpan elapsed) =>
        new(stage, elapsed, Allocated - start.Allocated, JitMethods - start.JitMethods, JitTime - start.JitTime, Cpu - start.Cpu, GcPaused - start.GcPaused);
}

/// <summary>
/// Times the stages of one build back to back, so that together they cover the whole of
/// <see cref="Site.Build"/>: the time between two stages is charged to the later one.
/// </summary>
public sealed class StageClock(Action<string>? started = null)
{
    private readonly List<StageTiming> _timings = [];
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastEnd;
    private RuntimeCounters _last = RuntimeCounters.Now();

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> run)
    {
        started?.Invoke(stage);
        var result = run();
        var now = _watch.Elapsed;
        var counters = RuntimeCounters.Now();
        _timings.Add(counters.Since(_last, stage, now - _lastEnd));
        _lastEnd = now;
        _last = counters;
        return result;
    }

    public void Time(string stage, Action run) => Time(stage, () =>
    {
        run();
        return 0;
    });
}
