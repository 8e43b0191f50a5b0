using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace StaticSite.Tests.Fuzz;

/// <summary>
/// One generated page: front matter (or something like it), blocks of Markdown, how they are
/// joined, and bytes after the text (usually none; sometimes bytes that are not UTF-8). Kept in
/// parts so a failing page shrinks to the few blocks that matter.
/// </summary>
public sealed record FuzzPage(string FrontMatter, IReadOnlyList<string> Blocks, string Separator, byte[] Tail)
{
    public byte[] Bytes() => [.. Encoding.UTF8.GetBytes(FrontMatter + string.Join(Separator, Blocks)), .. Tail];

    /// <summary>What the page says, readable in a test failure: control characters and odd bytes shown as escapes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("\n----- page -----\n");
        foreach (var c in FrontMatter + string.Join(Separator, Blocks))
        {
            text.Append(c is '\n' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\u200B' or '\u202E' or '\uFEFF') ? c.ToString() : $"\\u{(int)c:X4}");
        }

        if (Tail.Length > 0)
        {
            text.Append("\n[then bytes ").Append(Convert.ToHexString(Tail)).Append(']');
        }

        return text.Append("\n----- end -----").ToString();
    }
}

/// <summary>
/// Generates pages that mix CommonMark, the health components (closed, unclosed, nested and
/// unknown), raw HTML, front matter fragments, links to every kind of place, and random Unicode
/// and control characters: what an author, an editor or a bad copy and paste could produce.
/// </summary>
public static class FuzzPages
{
    public static Arbitrary<FuzzPage> Arbitrary() => Arb.From(Page(), Shrink);

    /// <summary>
    /// Half the pages are wild (anything at all, so most fail early with errors); half are tame
    /// (valid front matter, and only Markdown the read and process stages accept, strange text and
    /// all), so the build goes on to render and check them, where other code can break.
    /// </summary>
    private static Gen<FuzzPage> Page() => Gen.Frequency(
        (1, from frontMatter in FrontMatter()
            from blocks in Gen.Sized(size => Gen.ListOf(Block(Math.Min(size, 12)), Math.Max(1, size / 3)))
            from separator in Gen.Elements("\n\n", "\n", "", "\r\n\r\n", "\n\n\n")
            from tail in Gen.Frequency((12, Gen.Constant(Array.Empty<byte>())), (1, RawBytes()))
            select new FuzzPage(frontMatter, [.. blocks], separator, tail)),
        (1, from frontMatter in Gen.Elements(PlainFrontMatter, ArticleFrontMatter)
            from blocks in Gen.Sized(size => Gen.ListOf(TameBlock(Math.Min(size, 12)), Math.Max(1, size / 3)))
            select new FuzzPage(frontMatter, [.. blocks], "\n\n", [])));

    /// <summary>Fewer blocks, plain front matter, no stray bytes: each a smaller page that may still fail.</summary>
    private static IEnumerable<FuzzPage> Shrink(FuzzPage page)
    {
        if (page.Tail.Length > 0)
        {
            yield return page with { Tail = [] };
        }

        if (page.Blocks.Count > 1)
        {
            yield return page with { Blocks = [.. page.Blocks.Take(page.Blocks.Count / 2)] };
            yield return page with { Blocks = [.. page.Blocks.Skip(page.Blocks.Count / 2)] };
        }

        for (var i = 0; i < page.Blocks.Count; i++)
        {
            yield return page with { Blocks = [.. page.Blocks.Where((_, index) => index != i)] };
        }

        if (page.FrontMatter != PlainFrontMatter)
        {
            yield return page with { FrontMatter = PlainFrontMatter };
        }

        if (page.Separator != "\n\n")
        {
            yield return page with { Separator = "\n\n" };
        }
    }

    private const string PlainFrontMatter = "---\ntitle: Fuzz\ndescription: A generated page.\nlayout: page\n---\n\n";

    private const string ArticleFrontMatter =
        "---\ntitle: Fuzz article\ndescription: A generated article.\narea: calf\nreviewed: 2026-01-10\nnext_review: 2027-01-10\n" +
        "sources:\n  - title: \"Sprains and strains\"\n    publisher: \"NHS\"\n    url: \"https://www.nhs.uk/conditions/sprains-and-strains/\"\n---\n\n";

    private static readonly string[] Words =
    [
        "pain", "knee", "the", "runner", "swelling", "calf", "rest", "a", "of", "and", "DVT", "tendon",
        "tendons", "tendonſ", "\u212ANEE", "ǅVT", "ACL", "colour", "color", "fiber", "physical therapist", "Dr.", "e.g.", "3.5", "10km",
        "café", "naïve", "—", "–", "‘quoted’", "“said”", "…", "°C", "½", "ﬁ", "🦵", "🏃‍♀️", "日本語", "עברית",
        "العربية", "e\u0301", "\u200B", "\u200D", "\u202E", "\u2028", "\uFEFF", "\u00A0", "\0", "\u0001",
        "\u001B[31m", "\u007F", "\u0085", "\uD800", "\uDFFF", "\uFFFD", "\uFFFF", "&amp;", "&#x09;", "&#0;",
        "&#x10FFFF;", "&#xD800;", "&bogus;", "&nbsp;", "\\*", "\\", "`", "``", "*", "**", "_", "__", "~~",
        "|", "<", ">", "[", "]", "(", ")", "!", "#", ":::", "\t", "  ", ".", "?", "!", ",", ";", ":", "{{ x }}",
        "{% if %}", "$", "@", "%", "'", "\"",
    ];

    private static readonly string[] Targets =
    [
        "article.md", "index.md", "../index.md", "article.md#first-section", "article.md#nowhere", "missing.md",
        "../../../../etc/passwd", "../../../x.md", "#first", "#", "", "/", "/guide/article/", "https://www.nhs.uk/",
        "http://example.org", "mailto:help@example.org", "tel:111", "javascript:alert(1)", "JAVA&#x09;SCRIPT:x",
        " vbscript:x", "data:text/html,x", "data:image/png;base64,AA==", "%", "%zz", "%E0%A4%A", "a%20b.md",
        "fuzz.md", "fuzz.md#x", "photo.png", "/assets/site.css", "..", "./", "a b", "<>", "article.md?q=1#first-section",
        "é.md", "//evil.example/", "C:\\Windows\\x.md", "file:///etc/passwd", "\u0001", "article.md#%", "?", "index.md#top",
    ];

    private static readonly string[] FrontMatterLines =
    [
        "related: [article.md]", "related: [missing.md]", "related: [fuzz.md]", "related: article.md", "aliases: [/old/]",
        "aliases: [/guide/article/]", "aliases: [nope]", "aliases: [/../x/]", "treatments: [Rest, Ice]", "draft: true",
        "draft: maybe", "condition: Knee pain", "other_names: [Runner's knee]", "anatomy: Patella", "history: Written anew.",
        "area: calf", "area: nowhere", "unknown: 1", "title: [a, b]", "title: *x", "title: &a x", "title: !!binary aGk=",
        "title: ''", "description: ", "reviewed: 2026-13-45", "reviewed: 2026-01-10", "next_review: yesterday",
        "next_review: 2020-01-01", "layout: nope", "layout: article", "layout: hub", "layout: home", ": :", "- item",
        "\ttab: x", "key: 'unclosed", "key: \"\\u\"", "{a: [", "? complex", "sources: 5", "sources:\n  - url: http://x",
        "sources:\n  - title: A\n    publisher: B\n    url: https://www.nhs.uk/", "title: |\n  multi\n  line", "...",
        "<<: *base", "%YAML 1.2", "title: \u0001", "title: \"\\uD800\"",
    ];

    private static readonly string[] ComponentOpenings =
    [
        "checklist Common symptoms", "checklist", "care urgent Get help if:", "care emergency Call 999 if:",
        "care non-urgent See a GP if:", "care bogus Nope", "care", "steps Stretch", "steps", "unknown Thing", "Checklist X",
        "", "checklist " + new string('x', 300), "care urgent", "steps 1. 2. 3.",
    ];

    private static Gen<string> Word() => Gen.Frequency((20, Gen.Elements(Words)), (1, RandomCharacter()));

    /// <summary>Any code point, or half of a surrogate pair on its own.</summary>
    private static Gen<string> RandomCharacter() =>
        Gen.Choose(0, 0x10FFFF).Select(c => c is >= 0xD800 and <= 0xDFFF ? ((char)c).ToString() : char.ConvertFromUtf32(c));

    private static Gen<byte[]> RawBytes() =>
        Gen.ArrayOf(Gen.Choose(0x80, 0xFF).Select(b => (byte)b)).Where(b => b.Length > 0);

    private static Gen<string> Text() =>
        Gen.Sized(size => Gen.ListOf(Word(), Math.Clamp(size, 1, 40))).Select(words => string.Join(' ', words));

    private static Gen<string> Target() => Gen.Frequency((10, Gen.Elements(Targets)), (1, Text()));

    private static Gen<string> Inline() => Gen.Frequency(
        (8, Text()),
        (2, Text().Select(t => $"*{t}*")),
        (2, Text().Select(t => $"**{t}**")),
        (1, Text().Select(t => $"`{t}`")),
        (3, Gen.Zip(Text(), Target()).Select(p => $"[{p.Item1}]({p.Item2})")),
        (2, Gen.Zip(Text(), Target()).Select(p => $"![{p.Item1}]({p.Item2})")),
        (1, Target().Select(t => $"<{t}>")),
        (1, Gen.Constant("www.nhs.uk")),
        (1, Text().Select(t => $"{t}  \n")),
        (2, Gen.Zip(Text(), Target()).Select(p => $"<a href=\"{p.Item2}\">{p.Item1}</a>")),
        (1, Text().Select(t => $"<span>{t}")),
        (1, Gen.Elements("<b>", "</b>", "<em>", "</div>", "<br>", "<img src=photo.png>", "<img src=\"photo.png\" alt=\"\">",
            "<input type=checkbox>", "<a onclick=\"x()\">", "<span style=\"color:red\">", "<script>alert(1)</script>", "<!--", "-->",
            "<h1>Second</h1>", "<a id=main>", "<p id=\"contents\">")),
        (1, Gen.Constant("[ref][r]")));

    private static Gen<string> Paragraph() =>
        Gen.Sized(size => Gen.ListOf(Inline(), Math.Clamp(size / 2, 1, 8))).Select(parts => string.Concat(parts));

    private static Gen<string> Block(int size)
    {
        if (size <= 1)
        {
            return Paragraph();
        }

        var smaller = Gen.Sized(_ => Gen.ListOf(Block(size / 2), Math.Max(1, size / 3))).Select(blocks => string.Join("\n\n", blocks));
        return Gen.Frequency(
            (10, Paragraph()),
            (4, Gen.Zip(Gen.Choose(1, 7), Paragraph()).Select(p => $"{new string('#', p.Item1)} {p.Item2}")),
            (1, Paragraph().Select(p => $"{p}\n===")),
            (1, Paragraph().Select(p => $"{p}\n---")),
            (4, from marker in Gen.Elements("- ", "* ", "1. ", "2) ", "+ ")
                from items in Gen.ListOf(Paragraph(), 5)
                from depth in Gen.Choose(0, 6)
                select string.Join('\n', items.Select((item, i) => new string(' ', i % (depth + 1) * 2) + marker + item))),
            (2, Gen.Zip(Gen.Choose(1, 4), smaller).Select(q => string.Join('\n', q.Item2.Split('\n').Select(line => string.Concat(Enumerable.Repeat("> ", q.Item1)) + line)))),
            (2, from opening in Gen.Elements(ComponentOpenings)
                from content in smaller
                from closing in Gen.Elements(":::", ":::", ":::", "", "::::", "::: ")
                select $"::: {opening}\n{content}\n{closing}"),
            (1, from fence in Gen.Elements("```", "~~~", "````")
                from code in Text()
                from close in Gen.Elements("```", "~~~", "")
                select $"{fence}\n{code}\n{close}"),
            (1, Text().Select(t => $"    {t}")),
            (1, Gen.Zip(Text(), Text()).Select(t => $"| {t.Item1} | b |\n|---|---|\n| {t.Item2} | |")),
            (1, Gen.Elements("---", "***", "<!-- allow long sentences -->", "<div>", "</div>", "<details><summary>More</summary>",
                "<table><tr><td>cell</td></tr></table>", "<script>\nalert(1)\n</script>", "<style>p { color: red }</style>", "<?php x ?>", "<![CDATA[x]]>")),
            (1, smaller.Select(s => $"<div>\n\n{s}\n\n</div>")),
            (1, Target().Select(t => $"[r]: {t}")),
            (1, Gen.Elements(FrontMatterLines)));
    }

    /// <summary>Text with no Markdown or HTML in it (still any Unicode), and links only to places that exist.</summary>
    private static Gen<string> TameText() =>
        Text().Select(t => new string([.. t.Where(c => !"\\`*_~|<>[]()!#:&{}%\n\r".Contains(c, StringComparison.Ordinal))]).Trim() is { Length: > 0 } clean ? clean : "text");

    private static Gen<string> TameInline() => Gen.Frequency(
        (8, TameText()),
        (2, TameText().Select(t => $"**{t}**")),
        (1, TameText().Select(t => $"*{t}*")),
        (1, TameText().Select(t => $"`{t}`")),
        (2, from text in TameText()
            from target in Gen.Elements("article.md", "article.md#first-section", "index.md", "../index.md", "https://www.nhs.uk/", "mailto:help@example.org")
            select $"[{text}]({target})"),
        (1, Gen.Elements("<b>", "</b>", "<span>", "</span>", "<br>", "<abbr title=\"x\">x</abbr>", "<img src=\"/assets/none.png\" alt=\"\">", "<a id=\"x\"></a>")));

    private static Gen<string> TameParagraph() =>
        Gen.Sized(size => Gen.ListOf(TameInline(), Math.Clamp(size / 2, 1, 8))).Select(parts => string.Join(' ', parts));

    private static Gen<string> TameList() =>
        from marker in Gen.Elements("- ", "1. ")
        from items in Gen.NonEmptyListOf(TameParagraph())
        select string.Join('\n', items.Select(item => marker + item));

    private static Gen<string> TameBlock(int size)
    {
        var smaller = size <= 1
            ? TameParagraph()
            : Gen.Sized(_ => Gen.ListOf(TameBlock(size / 2), Math.Max(1, size / 3))).Select(blocks => string.Join("\n\n", blocks));
        return Gen.Frequency(
            (10, TameParagraph()),
            (3, TameText().Select(t => $"## {t}")),
            (3, TameList()),
            (2, from quotes in Gen.Choose(1, 3)
                from content in smaller
                select string.Join('\n', content.Split('\n').Select(line => string.Concat(Enumerable.Repeat("> ", quotes)) + line))),
            (2, from opening in Gen.Elements("checklist Common symptoms", "care urgent Get help if:", "care emergency Call 999 if:", "care non-urgent See a GP if:", "steps Stretch")
                from title in TameText()
                from list in TameList()
                select $"::: {opening} {title}\n{list}\n:::\n\n## After"),
            (1, TameText().Select(t => $"```\n{t}\n```")),
            (1, TameText().Select(t => $"| {t} | b |\n|---|---|\n| c | {t} |")),
            (1, smaller.Select(s => $"<div>\n\n{s}\n\n</div>")),
            (1, Gen.Elements("---", "<!-- allow long sentences -->", "<details><summary>More</summary>\n\nHidden text.\n\n</details>", "<table><tr><td>cell</td></tr></table>")));
    }

    private static Gen<string> FrontMatter()
    {
        var extras = Gen.Sized(size => Gen.ListOf(Gen.Elements(FrontMatterLines), Math.Min(size / 4, 4))).Select(lines => string.Concat(lines.Select(l => l + "\n")));
        var page =
            from title in Text()
            from extra in extras
            select $"---\ntitle: \"{title.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}\"\ndescription: A generated page.\nlayout: page\n{extra}---\n\n";
        var article =
            from extra in extras
            select "---\ntitle: Fuzz article\ndescription: A generated article.\narea: calf\nreviewed: 2026-01-10\nnext_review: 2027-01-10\n" +
                   "sources:\n  - title: \"Sprains and strains\"\n    publisher: \"NHS\"\n    url: \"https://www.nhs.uk/conditions/sprains-and-strains/\"\n" + extra + "---\n\n";
        var broken = Gen.Elements("", "---\ntitle: Never closed\n", "---\n---\n", "---\n:::\n---\n", "\uFEFF---\ntitle: x\ndescription: y\nlayout: page\n---\n",
            "---\r\ntitle: CRLF\r\ndescription: d\r\nlayout: page\r\n---\r\n", "--- \ntitle: x\n...\n", "+++\ntitle = 'toml'\n+++\n");
        var fragment = from text in Text() select $"---\n{text}\n---\n";
        return Gen.Frequency((6, page), (4, article), (1, broken), (1, fragment));
    }
}
