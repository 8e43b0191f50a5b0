using System.Diagnostics;
using System.Text;

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
    /// <remarks>
    /// Console.Out hands the system 256 bytes at a time: a 10,000-article build printing 100,000
    /// warnings made some 50,000 write calls. This writer still flushes after every write, as
    /// Console.Out does, but in blocks of 64 KB.
    /// </remarks>
    public static Terminal FromConsole()
    {
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
        var stdout = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16) { AutoFlush = true });
        return new(stdout, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);
    }

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
