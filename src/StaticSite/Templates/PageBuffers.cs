namespace StaticSite.Templates;

/// <summary>
/// The two buffers one thread renders pages into, kept from page to page: a layout writes into the
/// one its child layout did not, since the child's output is what it reads as <c>content</c>.
/// </summary>
public sealed class PageBuffers
{
    private readonly MarkupBuffer[] _buffers = [new(), new()];
    private int _next;

    /// <summary>Starts a page: the first layout writes into the first buffer.</summary>
    internal void Restart() => _next = 0;

    /// <summary>The buffer the next layout writes into, emptied.</summary>
    internal MarkupBuffer Next()
    {
        var buffer = _buffers[_next];
        _next ^= 1;
        buffer.Clear();
        return buffer;
    }
}
