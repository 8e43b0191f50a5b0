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

/// <summary>Builds a <see cref="ContentKey"/> from many parts; each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ.</summary>
public sealed class ContentKeyBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentKeyBuilder Add(ReadOnlySpan<byte> bytes)
    {
        Add((long)bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public ContentKeyBuilder Add(string? text) => text is null ? Add(-1L) : Add(Encoding.UTF8.GetBytes(text));

    public ContentKeyBuilder Add(long number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        _hash.AppendData(bytes);
        return this;
    }

    public ContentKeyBuilder Add(ContentKey key) => Add((long)key.High).Add((long)key.Low);

    public ContentKey Finish()
    {
        Span<byte> hash = stackalloc byte[32];
        _hash.GetHashAndReset(hash);
        return new ContentKey(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }

    public void Dispose() => _hash.Dispose();
}
