namespace StaticSite.Output;

/// <summary>
/// Which exceptions mean the disk or the system refused a file operation, so that they become
/// diagnostics rather than crashes. .NET reports a file grown past the system's limit (EFBIG) as
/// an ArgumentOutOfRangeException from System.IO, so that one is included too.
/// </summary>
public static class FileFailure
{
    public static bool Is(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is ArgumentOutOfRangeException && e.TargetSite?.DeclaringType?.Namespace == "System.IO");
}
