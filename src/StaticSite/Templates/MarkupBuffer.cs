using System.Globalization;
using System.Text;

namespace StaticSite.Templates;

/// <summary>
/// Where a layout writes a page: one char array, kept from page to page by the thread that renders
/// them, so a page costs no string of itself (at 10,000 articles each layout's output as a string
/// was about 300 MB of garbage). What it holds is read through <see cref="Written"/> until it is
/// cleared for the next page.
/// </summary>
public sealed class MarkupBuffer() : TextWriter(CultureInfo.InvariantCulture)
{
    private char[] _chars = new char[16 * 1024];
    private int _length;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>What has been written since the last <see cref="Clear"/>; valid until the next.</summary>
    public ReadOnlyMemory<char> Written => _chars.AsMemory(0, _length);

    public void Clear() => _length = 0;

    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_chars.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer) => Write(buffer.AsSpan());

    public override void Write(string? value) => Write(value.AsSpan());

    // TextWriter's own asynchronous writes hand the work to the thread pool; here every write is
    // a copy into memory, done at once (as StringWriter does).
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int needed)
    {
        var grown = new char[Math.Max(_chars.Length * 2, _length + needed)];
        _chars.AsSpan(0, _length).CopyTo(grown);
        _chars = grown;
    }
}
