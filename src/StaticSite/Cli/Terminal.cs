using System.Diagnostics;

namespace StaticSite.Cli;

/// <summary>
/// Where the command line writes, and whether a person is watching. Diagnostics always go out
/// as plain <c>file:line:column: severity CODE: message</c> lines; only a person at a terminal
/// also gets the progress of a long build, which editors and CI logs would not want.
/// </summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool IsInteractive = false)
{
    /// <summary>A build quicker than this shows no progress at all.</summary>
    public TimeSpan ProgressAfter { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The process's own console; interactive when neither output is redirected.</summary>
    public static Terminal FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>A fresh progress line for one build, or null when nobody is watching.</summary>
    public StageProgress? Progress() => IsInteractive ? new StageProgress(Error, ProgressAfter) : null;
}

/// <summary>
/// One status line on stderr, rewritten in place with the stage that is running, and wiped when
/// the build ends, so it never mixes with the diagnostics that follow.
/// </summary>
public sealed class StageProgress(TextWriter error, TimeSpan after)
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _writing = new();
    private bool _shown;

    public void Started(string stage)
    {
        if (_clock.Elapsed < after)
        {
            return;
        }

        lock (_writing)
        {
            error.Write($"{ClearLine}Building: {stage}…");
            error.Flush();
            _shown = true;
        }
    }

    public void Done()
    {
        lock (_writing)
        {
            if (_shown)
            {
                error.Write(ClearLine);
                error.Flush();
                _shown = false;
            }
        }
    }
}
