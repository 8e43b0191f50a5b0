using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace StaticSite.Templates;

/// <summary>
/// Markup already made, as a layout's <c>content</c>: a page's HTML fragment in UTF-8, or a child
/// layout's output. <c>{{ content }}</c> copies it into the page as it is, without a string of it
/// being made first; anything else a template does with it (a filter, a comparison, <c>.size</c>)
/// sees a string, exactly as if it were one.
/// </summary>
public sealed class MarkupValue : FluidValue
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly ReadOnlyMemory<char> _chars;
    private readonly bool _isUtf8;
    private StringValue? _string;

    private MarkupValue(ReadOnlyMemory<byte> utf8, ReadOnlyMemory<char> chars, bool isUtf8)
    {
        _utf8 = utf8;
        _chars = chars;
        _isUtf8 = isUtf8;
    }

    public static MarkupValue FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8, default, isUtf8: true);

    public static MarkupValue FromChars(ReadOnlyMemory<char> chars) => new(default, chars, isUtf8: false);

    private StringValue AsString => _string ??= new StringValue(Text(), encode: false);

    public override FluidValues Type => FluidValues.String;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        WriteTo(writer);
        return default;
    }

    /// <summary>Writes the markup as it is.</summary>
    public void WriteTo(TextWriter writer)
    {
        if (!_isUtf8)
        {
            writer.Write(_chars.Span);
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_utf8.Length));
        try
        {
            writer.Write(chars.AsSpan(0, Encoding.UTF8.GetChars(_utf8.Span, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override bool Equals(FluidValue other) => AsString.Equals(other);

    public override bool ToBooleanValue() => AsString.ToBooleanValue();

    public override decimal ToNumberValue() => AsString.ToNumberValue();

    public override string ToStringValue() => AsString.ToStringValue();

    public override object ToObjectValue() => AsString.ToObjectValue();

    public override bool Contains(FluidValue value) => AsString.Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => AsString.Enumerate(context);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => AsString.GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => AsString.GetIndexAsync(index, context);

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => AsString.GetHashCode();

    private string Text() => _isUtf8 ? Encoding.UTF8.GetString(_utf8.Span) : _chars.ToString();
}
