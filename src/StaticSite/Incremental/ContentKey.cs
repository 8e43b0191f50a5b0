using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StaticSite.Incremental;

/// <summary>
/// What a cached result was made from, as 128 bits of a SHA-256 over every input: two results with
/// one key were made from the same bytes. SHA-256 because the runtime has it built in and the
/// processor does it in hardware; a collision would need an attacker and our own input.
/// </summary>
public readonly record struct ContentKey(ulong High, ulong Low)
{
    public static ContentKey Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return new ContentKey(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }

    public static ContentKey Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public override string ToString() => $"{High:x16}{Low:x16}";
}

/// <summary>
/// Builds a <see cref="ContentKey"/> from many parts; each part is length-prefixed, so ("ab", "c")
/// and ("a", "bc") differ. The parts are gathered in a buffer and hashed once: a rebuild makes
/// thousands of keys, and a hash object per key cost more than the hashing.
/// </summary>
public sealed class ContentKeyBuilder : IDisposable
{
    private readonly ArrayBufferWriter<byte> _parts = new(256);

    public ContentKeyBuilder Add(ReadOnlySpan<byte> bytes)
    {
        Add((long)bytes.Length);
        _parts.Write(bytes);
        return this;
    }

    public ContentKeyBuilder Add(string? text)
    {
        if (text is null)
        {
            return Add(-1L);
        }

        Add((long)text.Length);
        var room = _parts.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _parts.Advance(Encoding.UTF8.GetBytes(text, room));
        return this;
    }

    public ContentKeyBuilder Add(long number)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_parts.GetSpan(8), number);
        _parts.Advance(8);
        return this;
    }

    public ContentKeyBuilder Add(ContentKey key) => Add((long)key.High).Add((long)key.Low);

    public ContentKey Finish()
    {
        var key = ContentKey.Of(_parts.WrittenSpan);
        _parts.Clear();
        return key;
    }

    public void Dispose()
    {
    }
}
