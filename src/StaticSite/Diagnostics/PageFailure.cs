namespace StaticSite.Diagnostics;

/// <summary>
/// What happens when handling one page throws. The exception becomes an error on that page, with
/// no stack trace, and the build goes on with the other pages, so one strange file never hides
/// the errors of the rest or ends the build with a crash.
/// </summary>
public static class PageFailure
{
    /// <summary>Every exception except running out of memory, after which nothing can be trusted to go on.</summary>
    public static bool IsRecoverable(Exception e) => e is not OutOfMemoryException;

    /// <param name="doing">What the build was doing with the file: "reading", "processing".</param>
    public static void Report(DiagnosticBag diagnostics, string displayPath, string doing, Exception e, int line = 0)
    {
        if (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, Content.InputText.WhyUnreadable(e), displayPath);
            return;
        }

        // The input is valid enough to have reached this far, so the fault is the generator's:
        // say what broke, in one line, so it can be reported with the file that shows it.
        var what = string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        diagnostics.Error(Codes.PageFailed,
            $"the generator failed while {doing} this file ({e.GetType().Name}: {what}); the other files were still checked. Please report this with the file",
            displayPath, line, line > 0 ? 1 : 0);
    }
}
