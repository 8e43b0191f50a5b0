using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace StaticSite.Checks;

/// <summary>
/// A finished page read for the page rules: its elements in document order, each with its
/// attributes and a way to its text, and its title.
/// </summary>
/// <remarks>
/// Why not AngleSharp here (the tests still use it): building a full DOM for every page cost a
/// 1,000-article build about 1.5 s of CPU and 200 MB of garbage, a third of all the build's work,
/// while the rules read only names, attributes and a few texts. This reads the page the way the
/// HTML standard's tokenizer does (comments, raw-text and RCDATA elements, quoted attributes, the
/// first of a repeated attribute, character references as a browser decodes them (<see cref="CharacterReferences"/>), self-closing tags only in SVG and MathML,
/// &lt;template&gt; contents kept out of the document), and builds the tree with the end tags a
/// browser implies (a new &lt;p&gt;, &lt;li&gt;, &lt;dt&gt;, &lt;dd&gt;, &lt;option&gt; or table cell
/// closes the open one; a block closes an open &lt;p&gt;; a stray end tag is ignored). It does not
/// move misnested content as a browser's tree builder would (a table's stray content, formatting
/// elements reopened after a misnested end tag): a rule sees such content where it was written.
/// Tests hold it against AngleSharp on the real site and on tricky snippets.
/// </remarks>
public sealed class PageHtml
{
    private readonly PageChars _html;
    private readonly List<PageElement> _elements;
    private readonly List<TextRun> _text;
    private string? _title;

    private PageHtml(PageChars html)
    {
        _html = html;
        // Room for what a page of this size has (about an element per 70 characters, a run of
        // text per 35), so the lists are not copied as they grow.
        _elements = new List<PageElement>((html.Length / 64) + 16);
        _text = new List<TextRun>((html.Length / 32) + 16);
        new TreeBuilder(this).Run();
    }

    /// <summary>Every element in document order, the &lt;html&gt; element first (made when the page has none, as a browser does).</summary>
    public IReadOnlyList<PageElement> Elements => _elements;

    public PageElement Root => _elements[0];

    /// <summary>The text of the page's first HTML &lt;title&gt;, its white space collapsed and trimmed, as document.title gives it; empty when it has none.</summary>
    public string Title => _title ??= Collapse(_elements.FirstOrDefault(e => e is { LocalName: "title", IsHtml: true, Inert: false })?.TextContent ?? "");

    public static PageHtml Parse(string html) => Parse(html.AsMemory());

    /// <summary>Reads a page where it lies, in a render buffer, say: no string of it is made (one is, when it is in a string already).</summary>
    public static PageHtml Parse(ReadOnlyMemory<char> html) =>
        new(MemoryMarshal.TryGetArray(html, out var segment) && segment.Offset == 0
            ? new PageChars(segment.Array!, segment.Count)
            : new PageChars(html.ToArray(), html.Length));

    /// <summary>A run of text in the page: Raw is script, style or CDATA text, in which '&amp;' is only a character.</summary>
    private readonly record struct TextRun(int Start, int End, bool Raw);

    internal string TextOf(PageElement element)
    {
        var end = element.ContentEnd < 0 ? _html.Length : element.ContentEnd;
        var first = FirstRunFrom(element.ContentStart);
        if (first == _text.Count || _text[first].Start >= end)
        {
            return "";
        }

        if (first + 1 == _text.Count || _text[first + 1].Start >= end)
        {
            return Text(_text[first]);
        }

        var text = new StringBuilder();
        for (var i = first; i < _text.Count && _text[i].Start < end; i++)
        {
            text.Append(Text(_text[i]));
        }

        return text.ToString();
    }

    private int FirstRunFrom(int position)
    {
        int low = 0, high = _text.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_text[middle].Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private string Text(TextRun run)
    {
        var text = _html.AsSpan(run.Start, run.End - run.Start);
        return run.Raw ? text.ToString() : CharacterReferences.Decode(text, inAttribute: false);
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The tokenizer and tree builder, over one page.</summary>
    private sealed class TreeBuilder(PageHtml page)
    {
        private readonly PageChars _html = page._html;
        private readonly List<PageElement> _open = new(32);
        private int _inert;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run()
        {
            var root = Add("html", isHtml: true, parent: null, contentStart: 0);
            _open.Add(root);
            var position = 0;
            while (position < _html.Length)
            {
                var lt = _html.IndexOf('<', position);
                if (lt < 0 || lt + 1 >= _html.Length)
                {
                    Text(position, _html.Length, raw: false);
                    break;
                }

                Text(position, lt, raw: false);
                var next = _html[lt + 1];
                if (char.IsAsciiLetter(next))
                {
                    position = StartTag(lt);
                }
                else if (next == '/' && lt + 2 < _html.Length && char.IsAsciiLetter(_html[lt + 2]))
                {
                    position = EndTag(lt);
                }
                else if (next == '/' && lt + 2 < _html.Length && _html[lt + 2] == '>')
                {
                    position = lt + 3;
                }
                else if (next == '!')
                {
                    position = MarkupDeclaration(lt);
                }
                else if (next is '/' or '?')
                {
                    position = PastBogusComment(lt + 2);
                }
                else
                {
                    // A '<' that opens no tag is text.
                    Text(lt, lt + 1, raw: false);
                    position = lt + 1;
                }
            }

            while (_open.Count > 0)
            {
                Close(_open.Count - 1, _html.Length);
            }
        }

        private PageElement Current => _open[^1];

        private int MarkupDeclaration(int lt)
        {
            if (_html.At(lt, "<!--"))
            {
                // <!--> and <!---> end where they start.
                var body = lt + 4;
                if (body < _html.Length && _html[body] == '>')
                {
                    return body + 1;
                }

                if (body + 1 < _html.Length && _html[body] == '-' && _html[body + 1] == '>')
                {
                    return body + 2;
                }

                var end = _html.IndexOf("-->", body);
                return end < 0 ? _html.Length : end + 3;
            }

            if (!Current.IsHtml && _html.At(lt, "<![CDATA["))
            {
                var end = _html.IndexOf("]]>", lt + 9);
                Text(lt + 9, end < 0 ? _html.Length : end, raw: true);
                return end < 0 ? _html.Length : end + 3;
            }

            // <!DOCTYPE html>, or a bogus comment.
            return PastBogusComment(lt + 2);
        }

        private int PastBogusComment(int from)
        {
            var end = _html.IndexOf('>', from);
            return end < 0 ? _html.Length : end + 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int StartTag(int lt)
        {
            var (name, kind, position) = TagName(lt + 1);
            var (end, selfClosing, attributes) = ReadAttributes(position, keep: true);
            if (end < 0)
            {
                // A tag the file ends inside is no tag.
                return _html.Length;
            }

            if (name == "html")
            {
                foreach (var (attribute, value) in attributes ?? [])
                {
                    page.Root.AddAttribute(attribute, value);
                }

                return end;
            }

            var parent = Current;
            var isHtml = name is not ("svg" or "math") && (parent.IsHtml || IsIntegrationPoint(parent));
            if (isHtml)
            {
                CloseImplied(name, kind, lt);
                parent = Current;
            }

            var element = Add(name, isHtml, parent, end, attributes, kind);
            if ((isHtml && (kind & ElementKind.Void) != 0) || (!isHtml && selfClosing))
            {
                element.ContentEnd = end;
                element.DescendantsEnd = element.Index + 1;
                return end;
            }

            _open.Add(element);
            if (isHtml && name == "template")
            {
                _inert++;
            }

            return isHtml && (kind & ElementKind.RawText) != 0 ? RawText(element, end, decoded: (kind & ElementKind.RawTextDecoded) != 0) : end;
        }

        /// <summary>Script, style, textarea, title and the like: everything up to their own end tag is text.</summary>
        private int RawText(PageElement element, int contentStart, bool decoded)
        {
            if (element.LocalName == "plaintext")
            {
                Text(contentStart, _html.Length, raw: true);
                return _html.Length;
            }

            var search = contentStart;
            while (true)
            {
                var end = _html.IndexOf("</", search);
                if (end < 0)
                {
                    Text(contentStart, _html.Length, raw: !decoded);
                    return _html.Length;
                }

                var nameEnd = end + 2 + element.LocalName.Length;
                if (nameEnd <= _html.Length
                    && _html.AsSpan(end + 2, element.LocalName.Length).Equals(element.LocalName, StringComparison.OrdinalIgnoreCase)
                    && (nameEnd == _html.Length || _html[nameEnd] is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>'))
                {
                    Text(contentStart, end, raw: !decoded);
                    return EndTag(end);
                }

                search = end + 2;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int EndTag(int lt)
        {
            var (name, _, position) = TagName(lt + 2);
            var (end, _, _) = ReadAttributes(position, keep: false);
            if (end < 0)
            {
                return _html.Length;
            }

            // The open element of that name closes, with every element opened inside it; with none
            // open (below a table or cell, which an end tag cannot reach past), the tag is ignored.
            // Any heading's end tag closes the open heading, whatever its level; a table's parts
            // close through the cells inside them.
            var heading = IsHeading(name);
            var boundaries = name is "table" or "caption" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" ? ElementKind.TableScope : ElementKind.ScopeBoundary;
            for (var i = _open.Count - 1; i > 0; i--)
            {
                var open = _open[i];
                if (open.LocalName == name || (heading && open.IsHtml && IsHeading(open.LocalName)))
                {
                    Close(i, lt);
                    break;
                }

                if ((open.Kind & boundaries) != 0)
                {
                    break;
                }
            }

            return end;
        }

        /// <summary>The end tags a browser implies before this start tag.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CloseImplied(string name, ElementKind kind, int at)
        {
            if ((kind & ElementKind.ClosesParagraph) != 0)
            {
                CloseNearest(at, "p", ElementKind.ButtonScope);
            }

            switch (name)
            {
                case "li":
                    CloseNearest(at, "li", ElementKind.ListScope);
                    break;
                case "dt" or "dd":
                    CloseNearest(at, "dt", ElementKind.ListScope);
                    CloseNearest(at, "dd", ElementKind.ListScope);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when Current.IsHtml && IsHeading(Current.LocalName):
                    Close(_open.Count - 1, at);
                    break;
                case "a" or "button":
                    CloseNearest(at, name, ElementKind.ButtonScope);
                    break;
                case "option":
                    CloseCurrent(at, "option");
                    break;
                case "optgroup":
                    CloseCurrent(at, "option");
                    CloseCurrent(at, "optgroup");
                    break;
                case "td" or "th":
                    CloseNearest(at, "td", ElementKind.TableScope);
                    CloseNearest(at, "th", ElementKind.TableScope);
                    ImplyRow(at);
                    break;
                case "tr":
                    CloseNearest(at, "tr", ElementKind.TableScope);
                    ImplyBody(at);
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseNearest(at, "tbody", ElementKind.TableScope);
                    CloseNearest(at, "thead", ElementKind.TableScope);
                    CloseNearest(at, "tfoot", ElementKind.TableScope);
                    break;
            }
        }

        /// <summary>A row goes in a table body, a cell in a row: a browser makes the one the page left out.</summary>
        private void ImplyBody(int at)
        {
            if (Current is { IsHtml: true, LocalName: "table" })
            {
                _open.Add(Add("tbody", isHtml: true, Current, at));
            }
        }

        private void ImplyRow(int at)
        {
            ImplyBody(at);
            if (Current is { IsHtml: true, LocalName: "tbody" or "thead" or "tfoot" })
            {
                _open.Add(Add("tr", isHtml: true, Current, at));
            }
        }

        private static bool IsHeading(string name) => name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

        private void CloseCurrent(int at, string name)
        {
            if (Current.IsHtml && Current.LocalName == name)
            {
                Close(_open.Count - 1, at);
            }
        }

        /// <summary>Closes the nearest open element of that name, unless one of the scope's boundaries is open inside it.</summary>
        private void CloseNearest(int at, string name, ElementKind scope)
        {
            for (var i = _open.Count - 1; i > 0; i--)
            {
                var open = _open[i];
                if (open.LocalName == name && open.IsHtml)
                {
                    Close(i, at);
                    return;
                }

                if (!open.IsHtml || (open.Kind & scope) != 0)
                {
                    return;
                }
            }
        }

        /// <summary>Closes the open element at <paramref name="depth"/> and every element opened inside it.</summary>
        private void Close(int depth, int at)
        {
            for (var i = _open.Count - 1; i >= depth; i--)
            {
                var element = _open[i];
                element.ContentEnd = at;
                element.DescendantsEnd = page._elements.Count;
                if (element is { IsHtml: true, LocalName: "template" })
                {
                    _inert--;
                }

                _open.RemoveAt(i);
            }
        }

        /// <param name="kind">What the name is to the tree builder, when the caller has looked it up already.</param>
        private PageElement Add(string name, bool isHtml, PageElement? parent, int contentStart, List<PageAttribute>? attributes = null, ElementKind? kind = null)
        {
            var element = new PageElement(page, name, isHtml, parent, page._elements.Count, contentStart, attributes)
            {
                Inert = _inert > 0,
                // Outside HTML (in svg, math) no element is a boundary or void by its name.
                Kind = isHtml ? kind ?? KindOf(name) : ElementKind.None,
            };
            page._elements.Add(element);
            return element;
        }

        private void Text(int start, int end, bool raw)
        {
            if (end > start)
            {
                page._text.Add(new TextRun(start, end, raw));
            }
        }

        private (string Name, ElementKind Kind, int End) TagName(int start)
        {
            var end = start;
            while (end < _html.Length && !IsTagNameEnd(_html[end]))
            {
                end++;
            }

            var (name, kind) = Name(_html.AsSpan(start, end - start));
            return (name, kind, end);
        }

        /// <summary>
        /// Reads attributes up to the tag's '&gt;'; End is just past it, or -1 when the file ends
        /// first. With <paramref name="keep"/>, they are returned in the order written, a repeated
        /// name keeping its first value as browsers do (null when the tag has none).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (int End, bool SelfClosing, List<PageAttribute>? Attributes) ReadAttributes(int position, bool keep)
        {
            var html = _html;
            List<PageAttribute>? attributes = null;
            while (true)
            {
                while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\f' or '\r' or '/')
                {
                    if (html[position] == '/' && position + 1 < html.Length && html[position + 1] == '>')
                    {
                        return (position + 2, true, attributes);
                    }

                    position++;
                }

                if (position >= html.Length)
                {
                    return (-1, false, null);
                }

                if (html[position] == '>')
                {
                    return (position + 1, false, attributes);
                }

                // A name may start with '=', and runs to white space, '/', '>' or '='.
                var nameStart = position++;
                while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>' or '='))
                {
                    position++;
                }

                var name = html.AsSpan(nameStart, position - nameStart);
                while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\f' or '\r')
                {
                    position++;
                }

                var value = "";
                if (position < html.Length && html[position] == '=')
                {
                    position++;
                    while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\f' or '\r')
                    {
                        position++;
                    }

                    if (position < html.Length && html[position] is '"' or '\'')
                    {
                        var close = html.IndexOf(html[position], position + 1);
                        if (close < 0)
                        {
                            return (-1, false, null);
                        }

                        value = CharacterReferences.Decode(html.AsSpan(position + 1, close - position - 1), inAttribute: true);
                        position = close + 1;
                    }
                    else
                    {
                        var valueStart = position;
                        while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\f' or '\r' or '>'))
                        {
                            position++;
                        }

                        value = CharacterReferences.Decode(html.AsSpan(valueStart, position - valueStart), inAttribute: true);
                    }
                }

                if (keep && Name(name).Name is var lower && PageElement.ValueOf(attributes, lower) is null)
                {
                    (attributes ??= new List<PageAttribute>(4)).Add(new PageAttribute(lower, value));
                }
            }
        }

        /// <summary>A tag or attribute name, lower-cased, and what it is to the tree builder as a tag; the names pages use are one shared string each.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (string Name, ElementKind Kind) Name(ReadOnlySpan<char> name)
        {
            Span<char> lower = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
            // ASCII names (all but made-up ones) many characters at a time: without culture data
            // .NET lower-cases other text a character at a time.
            if (Ascii.ToLower(name, lower, out _) != System.Buffers.OperationStatus.Done)
            {
                name.ToLowerInvariant(lower);
            }

            return KnownNames.TryGetValue(lower, out var known) ? known : (lower.ToString(), ElementKind.None);
        }

        private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>';

        private static bool IsIntegrationPoint(PageElement element) =>
            element.LocalName is "foreignobject" or "desc" or "title" or "annotation-xml" or "mi" or "mo" or "mn" or "ms" or "mtext";
    }

    private static readonly FrozenSet<string> VoidElements = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

    /// <summary>Elements whose content is text up to their end tag; true when character references in it are decoded (RCDATA).</summary>
    private static readonly FrozenDictionary<string, bool> RawTextElements = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["script"] = false, ["style"] = false, ["xmp"] = false, ["iframe"] = false, ["noembed"] = false, ["noframes"] = false,
        ["plaintext"] = false, ["textarea"] = true, ["title"] = true,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Start tags that close an open &lt;p&gt;.</summary>
    private static readonly FrozenSet<string> ClosesParagraph = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol",
        "p", "plaintext", "pre", "search", "section", "summary", "table", "ul", "xmp");

    /// <summary>Elements an end tag, or an implied one, does not reach past.</summary>
    private static readonly FrozenSet<string> ScopeBoundaries = FrozenSet.Create(StringComparer.Ordinal,
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template");

    private static readonly FrozenSet<string> ButtonScope = FrozenSet.Create(StringComparer.Ordinal,
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button");

    /// <summary>A new &lt;li&gt; (or &lt;dt&gt;, &lt;dd&gt;) closes the open one unless a list or block other than these is open inside it.</summary>
    private static readonly FrozenSet<string> ListScope = FrozenSet.Create(StringComparer.Ordinal,
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "ol", "ul", "dl", "button",
        "article", "aside", "blockquote", "details", "fieldset", "figure", "footer", "form", "header", "main", "nav", "section", "menu");

    private static readonly FrozenSet<string> TableScope = FrozenSet.Create(StringComparer.Ordinal, "html", "table", "template");

    /// <summary>What each element name in the sets above is to the tree builder: one lookup a tag instead of one a set.</summary>
    private static readonly FrozenDictionary<string, ElementKind> Kinds = KindsOfNames();

    private static FrozenDictionary<string, ElementKind> KindsOfNames()
    {
        var kinds = new Dictionary<string, ElementKind>(StringComparer.Ordinal);
        void Mark(IEnumerable<string> names, ElementKind kind)
        {
            foreach (var name in names)
            {
                kinds[name] = kinds.GetValueOrDefault(name) | kind;
            }
        }

        Mark(VoidElements, ElementKind.Void);
        Mark(ClosesParagraph, ElementKind.ClosesParagraph);
        Mark(ScopeBoundaries, ElementKind.ScopeBoundary);
        Mark(ButtonScope, ElementKind.ButtonScope);
        Mark(ListScope, ElementKind.ListScope);
        Mark(TableScope, ElementKind.TableScope);
        Mark(RawTextElements.Keys, ElementKind.RawText);
        Mark(RawTextElements.Where(e => e.Value).Select(e => e.Key), ElementKind.RawTextDecoded);
        return kinds.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ElementKind KindOf(string name) => Kinds.GetValueOrDefault(name);

    /// <summary>Names pages use (and every name with a kind), each one string, with its kind.</summary>
    private static readonly FrozenDictionary<string, (string Name, ElementKind Kind)>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        new[]
        {
            "a", "abbr", "alt", "aria-current", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "article", "aside",
            "body", "br", "button", "caption", "charset", "class", "code", "content", "crossorigin", "datetime", "dd", "defer", "details",
            "div", "dl", "dt", "em", "figcaption", "figure", "footer", "for", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
            "height", "hidden", "href", "hreflang", "html", "http-equiv", "id", "img", "input", "integrity", "label", "lang", "li", "link",
            "loading", "main", "media", "meta", "name", "nav", "ol", "p", "property", "rel", "role", "script", "section", "sizes", "small",
            "source", "span", "src", "srcset", "strong", "style", "summary", "table", "tbody", "td", "th", "thead", "time", "title", "tr",
            "type", "ul", "value", "width",
        }
            .Concat(Kinds.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(n => n, n => (n, KindOf(n)), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}

/// <summary>
/// A page's characters: the first <paramref name="Length"/> of an array that may be longer (a
/// render buffer), with the few string operations the reader uses, each kept inside that length.
/// </summary>
internal readonly record struct PageChars(char[] Chars, int Length)
{
    public char this[int index] => (uint)index < (uint)Length ? Chars[index] : throw new IndexOutOfRangeException();

    public ReadOnlySpan<char> AsSpan(int start, int length) => Chars.AsSpan(0, Length).Slice(start, length);

    public int IndexOf(char value, int from) => Found(Chars.AsSpan(from, Length - from).IndexOf(value), from);

    public int IndexOf(string value, int from) => Found(Chars.AsSpan(from, Length - from).IndexOf(value, StringComparison.Ordinal), from);

    /// <summary>True when <paramref name="text"/> is written at <paramref name="position"/>.</summary>
    public bool At(int position, string text) => Chars.AsSpan(position, Length - position).StartsWith(text, StringComparison.Ordinal);

    private static int Found(int index, int from) => index < 0 ? -1 : index + from;
}
