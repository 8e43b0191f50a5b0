namespace StaticSite.Output;

/// <summary>
/// A file's size and modified time (UTC ticks): cheap to read, and changed by any write. A class
/// rather than a struct, so the dictionaries and enumerators over it use the runtime's
/// precompiled code for reference types; a one-off build would otherwise wait for the JIT and run
/// its hot loops unoptimised.
/// </summary>
public sealed record FileStamp(long Length, long Ticks)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
