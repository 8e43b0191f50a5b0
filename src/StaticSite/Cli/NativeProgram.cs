using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticSite.Cli;

/// <summary>
/// A published folder holds the generator compiled ahead of time (<c>StaticSite</c>) and, for
/// scripts that run <c>dotnet StaticSite.dll</c>, the managed program too. Started that way, the
/// managed program replaces itself with the native one at once (<c>execv</c>: same process, same
/// arguments, standard streams and exit code), before it has read or written anything. The
/// published runtimeconfig names the native program; nothing else does, so <c>dotnet run</c>, the
/// tests and the quick publish never hand over.
/// </summary>
internal static class NativeProgram
{
    public static void HandOver(string[] args)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported
            || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            || AppContext.GetData("StaticSite.NativeProgram") is not string name)
        {
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, name);
        if (File.Exists(path))
        {
            // Returns only when the system refused; then this program does the work itself.
            _ = Exec(path, [path, .. args, null]);
        }
    }

    [DllImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static extern int Exec(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        // LPStr is UTF-8 on Linux and macOS, the only systems this is called on.
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv);
}
