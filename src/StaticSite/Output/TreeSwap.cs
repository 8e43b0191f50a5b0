using System.Runtime.InteropServices;

namespace StaticSite.Output;

/// <summary>
/// Puts a finished site in place of the current one in one step. On Linux and macOS the two
/// folders are exchanged by one system call (renameat2 with RENAME_EXCHANGE, renamex_np with
/// RENAME_SWAP), so at every moment the output path names either the whole old site or the whole
/// new one, even if the process is killed. .NET has no such call, hence the two imports below.
/// Where it is missing (Windows, or a file system that refuses it) two renames are used, and
/// <see cref="OutputFolder"/> puts the old site back if a build dies between them.
/// </summary>
internal static class TreeSwap
{
    /// <summary>
    /// Makes <paramref name="next"/> the folder at <paramref name="current"/>, and returns where the
    /// old site now is (to be deleted), or null when there was none.
    /// </summary>
    public static string? Replace(string current, string next, string old)
    {
        if (!Directory.Exists(current))
        {
            Directory.Move(next, current);
            return null;
        }

        if (TryExchange(next, current))
        {
            return next;
        }

        Directory.Move(current, old);
        Directory.Move(next, current);
        return old;
    }

    private static bool TryExchange(string a, string b)
    {
        int result;
        if (OperatingSystem.IsLinux())
        {
            result = Native.renameat2(Native.AtCurrentDirectory, a, Native.AtCurrentDirectory, b, Native.RenameExchange);
        }
        else if (OperatingSystem.IsMacOS())
        {
            result = Native.renamex_np(a, b, Native.RenameSwap);
        }
        else
        {
            return false;
        }

        // A kernel or file system without the call says so; then the two renames are tried, and
        // if the cause was something else (permissions, another disk) they fail with its message.
        return result == 0;
    }

    private static class Native
    {
        public const int AtCurrentDirectory = -100;
        public const uint RenameExchange = 2;
        public const uint RenameSwap = 2;

        [DllImport("libc", SetLastError = true)]
        public static extern int renameat2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int renamex_np([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to, uint flags);
    }
}

/// <summary>
/// Hard links let an unchanged file join the new site without being copied: the new folder gets a
/// second name for the same bytes (and modified time), and the old name goes with the old site.
/// Files are never changed in place, so sharing them is safe. .NET has no call for it.
/// </summary>
internal static class HardLink
{
    public static bool TryCreate(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return Native.CreateHardLinkW(link, existing, IntPtr.Zero);
        }

        return Native.link(existing, link) == 0;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CreateHardLinkW(string link, string existing, IntPtr securityAttributes);
    }
}
