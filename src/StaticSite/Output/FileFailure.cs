namespace StaticSite.Output;

/// <summary>
/// Which exceptions mean the disk or the system refused a file operation, so that they become
/// diagnostics rather than crashes. .NET reports a file grown past the system's limit (EFBIG) as
/// an ArgumentOutOfRangeException from System.IO, so that one is included too. It is known by its
/// stack trace, not <see cref="Exception.TargetSite"/>: the published program is compiled ahead of
/// time, where the runtime's own methods keep their names in traces but no reflection metadata.
/// </summary>
public static class FileFailure
{
    public static bool Is(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is ArgumentOutOfRangeException { ParamName: "value" } && e.StackTrace?.Contains(" System.IO.", StringComparison.Ordinal) == true);
}
