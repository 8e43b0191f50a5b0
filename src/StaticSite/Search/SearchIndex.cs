using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using StaticSite.Glossary;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Incremental;
using StaticSite.Markdown;
using StaticSite.Resolve;

namespace StaticSite.Search;

/// <summary>The search index's files (output path → bytes), and what the search page needs to read them; no view when the site has no search page.</summary>
public sealed record SearchFiles(IReadOnlyDictionary<string, byte[]> Files, SearchView? View)
{
    public static readonly SearchFiles None = new(new Dictionary<string, byte[]>(), null);
}

/// <summary>
/// The site's search index, made by the build in C# and read by theme/assets/search.js, split so
/// a query fetches a few small files, never the whole index:
/// <list type="bullet">
/// <item><c>search/index/t/KEY.json</c>: every term that starts with KEY (one character, or two on a
/// large site: see <see cref="KeyLength"/>), each with
/// the pages it is on and in which fields (a query fetches one per word, fewer when words share a key);</item>
/// <item><c>search/index/d/N.json</c>: title, address and description of pages
/// N×<see cref="DocsPerFile"/> onwards (a query fetches those of the results it shows).</item>
/// </list>
/// Pages are numbered shortest title first, then A to Z. Results that tie are shown in that
/// order: a page whose title is little more than the word searched for is more likely about it
/// ("Runner's knee" before "Calf stretches and bent-knee heel raises"), and pages with similar
/// titles sit in the same docs file, so the first results of a query need few of them.
/// </summary>
public static class SearchIndex
{
    public const string Folder = "search/index/";

    /// <summary>Pages per docs file: at about 250 bytes a page, 20 to 30 KB before compression.</summary>
    public const int DocsPerFile = 100;

    /// <summary>
    /// Where a term is on a page, as bits whose sum ranks results: a title match (16) outranks a
    /// match in every other field at once (8 + 4 + 2 + 1), and so on down. A title that starts
    /// with the word is about it, more than one that only has it ("Knee ligament and cartilage
    /// injuries" before "Calf stretches and bent-knee heel raises").
    /// </summary>
    [Flags]
    public enum Fields
    {
        None = 0,
        Body = 1,
        Description = 2,
        Heading = 4,

        /// <summary>Other names readers use: the condition and <c>other_names</c> (the A to Z), and glossary terms on the page with what they stand for.</summary>
        Name = 8,
        Title = 16,
        TitleStart = 32,
    }

    private const int FieldBits = 6;

    /// <summary>Up to this many pages, terms are filed by their first character, above it by their first two.</summary>
    public const int OneCharacterKeysUpTo = 2_000;

    /// <summary>
    /// How many characters of a term name its file. A small site's index is a few hundred KB, and
    /// filed by first character it is some 30 files of a few KB each, written in a moment and
    /// fetched one per word; a large site's would make each of those files too big for a query to
    /// fetch, so it is filed by two characters (about 220 files).
    /// </summary>
    public static int KeyLength(int pages) => pages <= OneCharacterKeysUpTo ? 1 : 2;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One page as a result shows it, with what it is numbered by.</summary>
    private sealed record IndexedPage(ProcessedPage Page, byte[] Fragment, string Title, string Href, string Description, int TitleTerms, string SortKey);

    /// <param name="fragments">Each page's HTML fragment, in the order of <paramref name="pages"/>.</param>
    /// <param name="cache">In <c>serve</c>: a page processed from the same inputs as before has the same terms, so they are not read again.</param>
    public static SearchFiles Build(BuildContext context, IReadOnlyList<ProcessedPage> pages, IReadOnlyList<byte[]?> fragments, GlossaryIndex glossary, BuildCache? cache = null)
    {
        if (!pages.Any(p => SearchPage.Is(p.Source)))
        {
            return SearchFiles.None;
        }

        var config = context.Config;
        var glossaryById = glossary.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var last = cache?.Search;
        IReadOnlyList<IndexedPage> indexed;
        if (last is not null && last.OrderKey == cache!.EveryViewKey)
        {
            // Which pages are indexed, and their order, follow from front matter alone: as it is
            // unchanged, so is the order, and only the pages themselves are today's.
            var today = pages.Select((page, index) => (Page: page, Fragment: fragments[index] ?? [])).ToDictionary(p => p.Page.Source.SourcePath, StringComparer.Ordinal);
            indexed = [.. last.Order.Select(path => today[path]).Select(p => Indexed(config, p.Page, p.Fragment, numbered: false))];
        }
        else
        {
            indexed = pages
                .Select((page, index) => (Page: page, Fragment: fragments[index] ?? []))
                .Where(p => IsIndexed(p.Page))
                .Select(p => Indexed(config, p.Page, p.Fragment, numbered: true))
                .OrderBy(p => p.TitleTerms)
                .ThenBy(p => p.SortKey, StringComparer.Ordinal)
                .ThenBy(p => p.Page.Source.SitePath, StringComparer.Ordinal)
                .ToList();
        }

        // The same number of pages as last time (as below, when their order is the same) files
        // terms by as many characters as last time.
        var keyLength = KeyLength(indexed.Count);

        // Each term's pages, in page-number order, with the fields it is in there. Pages are read
        // in parallel and merged in order as they come, so only a few pages' terms are held at once.
        // A posting is the page number and its fields in one int (fields take the low 6 bits):
        // at 10,000 pages there are millions of them.
        using var tables = new ThreadLocal<TermTable>(() => new TermTable());
        var unreported = new DiagnosticBag();
        KeyValuePair<string, Fields>[] TermsOf(IndexedPage p) =>
            cache?.ProcessKeyOf(p.Page.Source.SourcePath) is { } processed
                ? cache.SearchTerms.Get(p.Page.Source.SourcePath, processed, unreported, _ => Terms(tables.Value!, p.Page, p.Fragment, glossaryById))
                : Terms(tables.Value!, p.Page, p.Fragment, glossaryById);

        if (cache is null)
        {
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var doc = 0;
            foreach (var terms in indexed.AsParallel().AsOrdered().Select(TermsOf))
            {
                Post(postings, doc++, terms, keyLength);
            }

            return Files(config, indexed, postings, keyLength, null, null, null);
        }

        // In serve: when the pages and their order are as last time, only the postings of the pages
        // whose terms changed are taken out and put back, and only the files they are in are written again.
        var order = indexed.Select(p => p.Page.Source.SourcePath).ToArray();
        var termsByDoc = indexed.AsParallel().AsOrdered().Select(TermsOf).ToArray();
        var docsKey = DocsKey(indexed);
        if (last is null || !last.Order.AsSpan().SequenceEqual(order))
        {
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var shards = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            for (var doc = 0; doc < termsByDoc.Length; doc++)
            {
                Post(postings, doc, termsByDoc[doc], keyLength, shards);
            }

            var made = Files(config, indexed, postings, keyLength, null, null, null);
            cache.Search = new SearchState(order, cache.EveryViewKey, termsByDoc, postings, shards, docsKey, made.Files);
            return made;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var doc = 0; doc < termsByDoc.Length; doc++)
        {
            if (!ReferenceEquals(termsByDoc[doc], last.TermsByDoc[doc]))
            {
                // Only the terms the edit added, removed or moved between fields: a sentence added
                // to a page leaves most of its few hundred terms, in most shards, as they were.
                var (gone, come) = Difference(last.TermsByDoc[doc], termsByDoc[doc]);
                Unpost(last.Postings, doc, gone, keyLength, last.Shards, changed);
                Post(last.Postings, doc, come, keyLength, last.Shards, changed);
                last.TermsByDoc[doc] = termsByDoc[doc];
            }
        }

        var result = Files(config, indexed, last.Postings, keyLength, (last.Shards, changed), docsKey == last.DocsKey ? last.Files : null, last.Files);
        cache.Search = last with { OrderKey = cache.EveryViewKey, DocsKey = docsKey, Files = result.Files };
        return result;
    }

    private static IndexedPage Indexed(SiteConfig config, ProcessedPage page, byte[] fragment, bool numbered)
    {
        var source = page.Source;
        return new IndexedPage(page, fragment, source.Title, config.Href(source.SitePath), source.Meta.Description ?? "",
            numbered ? SearchTerms.Of(source.Title).Count : 0, numbered ? SearchTerms.Fold(source.Title) : "");
    }

    /// <summary>The terms (with their fields) a page had and no longer has, and those it has that it did not have.</summary>
    private static (KeyValuePair<string, Fields>[] Gone, KeyValuePair<string, Fields>[] Come) Difference(KeyValuePair<string, Fields>[] before, KeyValuePair<string, Fields>[] after)
    {
        var had = new Dictionary<string, Fields>(before.Length, StringComparer.Ordinal);
        foreach (var (term, fields) in before)
        {
            had[term] = fields;
        }

        var come = new List<KeyValuePair<string, Fields>>();
        foreach (var term in after)
        {
            if (had.TryGetValue(term.Key, out var fields) && fields == term.Value)
            {
                had.Remove(term.Key);
            }
            else
            {
                come.Add(term);
            }
        }

        return ([.. before.Where(t => had.TryGetValue(t.Key, out var fields) && fields == t.Value)], [.. come]);
    }

    /// <summary>Adds a page's postings (its number and fields) to each of its terms' lists, which stay in page order.</summary>
    private static void Post(Dictionary<string, List<int>> postings, int doc, KeyValuePair<string, Fields>[] terms, int keyLength,
        SortedDictionary<string, SortedSet<string>>? shards = null, HashSet<string>? changed = null)
    {
        foreach (var (term, fields) in terms)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
                if (shards is not null)
                {
                    var key = SearchTerms.ShardKey(term, keyLength);
                    if (!shards.TryGetValue(key, out var shard))
                    {
                        shards[key] = shard = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    shard.Add(term);
                }
            }

            var posting = (doc << FieldBits) | (int)fields;
            if (list.Count == 0 || list[^1] < posting)
            {
                list.Add(posting);
            }
            else
            {
                list.Insert(~list.BinarySearch(posting), posting);
            }

            changed?.Add(SearchTerms.ShardKey(term, keyLength));
        }
    }

    /// <summary>Takes a page's postings out of its terms' lists; a term left with no page goes, and a shard left with no term.</summary>
    private static void Unpost(Dictionary<string, List<int>> postings, int doc, KeyValuePair<string, Fields>[] terms, int keyLength,
        SortedDictionary<string, SortedSet<string>> shards, HashSet<string> changed)
    {
        foreach (var (term, fields) in terms)
        {
            var list = postings[term];
            list.RemoveAt(list.BinarySearch((doc << FieldBits) | (int)fields));
            var key = SearchTerms.ShardKey(term, keyLength);
            if (list.Count == 0)
            {
                postings.Remove(term);
                var shard = shards[key];
                shard.Remove(term);
                if (shard.Count == 0)
                {
                    shards.Remove(key);
                }
            }

            changed.Add(key);
        }
    }

    /// <summary>
    /// The index's files from the postings. With <paramref name="kept"/> (each shard's terms, and
    /// the shards whose terms changed), a terms file whose shard did not change is taken from
    /// <paramref name="lastFiles"/>; with <paramref name="lastDocs"/>, so are the docs files (their
    /// pages' titles, addresses and descriptions are as before).
    /// </summary>
    private static SearchFiles Files(SiteConfig config, IReadOnlyList<IndexedPage> indexed, Dictionary<string, List<int>> postings, int keyLength,
        (SortedDictionary<string, SortedSet<string>> Shards, HashSet<string> Changed)? kept, IReadOnlyDictionary<string, byte[]>? lastDocs, IReadOnlyDictionary<string, byte[]>? lastFiles)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var shards = kept?.Shards.Select(s => (s.Key, Terms: (IEnumerable<string>)s.Value)).ToList()
            ?? postings.Keys.GroupBy(t => SearchTerms.ShardKey(t, keyLength), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, Terms: (IEnumerable<string>)g.Order(StringComparer.Ordinal))).ToList();
        foreach (var (key, terms) in shards)
        {
            var path = Folder + "t/" + key + ".json";
            files[path] = kept is { } k && !k.Changed.Contains(key) && lastFiles!.TryGetValue(path, out var unchanged)
                ? unchanged
                : TermsFile(terms.Select(t => KeyValuePair.Create(t, postings[t])));
        }

        for (var first = 0; first < indexed.Count; first += DocsPerFile)
        {
            var path = Folder + "d/" + (first / DocsPerFile).ToString(CultureInfo.InvariantCulture) + ".json";
            files[path] = lastDocs is not null && lastDocs.TryGetValue(path, out var unchanged) ? unchanged : DocsFile(indexed.Skip(first).Take(DocsPerFile));
        }

        var view = new SearchView(
            config.Href(SearchPage.SitePath),
            config.Href("/" + Folder),
            string.Join(' ', shards.Select(s => s.Key)),
            DocsPerFile);
        return new SearchFiles(files, view);
    }

    /// <summary>What the docs files show: each page's title, address and description, in page order.</summary>
    private static ContentKey DocsKey(IReadOnlyList<IndexedPage> indexed)
    {
        using var key = new ContentKeyBuilder();
        foreach (var page in indexed)
        {
            key.Add(page.Title).Add(page.Href).Add(page.Description);
        }

        return key.Finish();
    }

    /// <summary>
    /// Readers search for pages to read: not the 404 page (it answers for every missing address),
    /// not drafts (even in a build with --drafts, whose output may be shared), not the search page.
    /// </summary>
    public static bool IsIndexed(ProcessedPage page) =>
        !page.Source.IsNotFoundPage && !page.Source.Meta.Draft && !SearchPage.Is(page.Source);

    /// <summary>A page's terms, each with the fields it is in, read into this thread's table.</summary>
    private static KeyValuePair<string, Fields>[] Terms(TermTable terms, ProcessedPage page, byte[] fragment, IReadOnlyDictionary<string, GlossaryEntry> glossary)
    {
        var source = page.Source;
        var meta = source.Meta;
        SearchTerms.WordVisitor In(Fields field) => terms.VisitorFor(field);
        void Add(string? text, Fields field)
        {
            if (!string.IsNullOrEmpty(text))
            {
                SearchTerms.ForEachWord(text, In(field));
            }
        }

        Add(source.Title, Fields.Title);
        var titleTerms = SearchTerms.Of(source.Title);
        if (titleTerms.Count > 0)
        {
            terms.Add(titleTerms[0], Fields.TitleStart);
        }

        Add(meta.Condition, Fields.Name);
        foreach (var name in meta.OtherNames)
        {
            Add(name, Fields.Name);
        }

        // A page that uses "DVT" is found by "deep vein thrombosis", and one that uses "menisci" by "meniscus".
        foreach (var id in page.GlossaryTerms)
        {
            if (glossary.TryGetValue(id, out var entry))
            {
                Add(entry.StandsFor, Fields.Name);
                foreach (var form in entry.Forms)
                {
                    Add(form, Fields.Name);
                }
            }
        }

        foreach (var heading in page.Headings)
        {
            Add(heading.Text, Fields.Heading);
        }

        Add(meta.Description, Fields.Description);
        FragmentText.ForEachWord(fragment, In(Fields.Body));
        return terms.TakeAll();
    }

    /// <summary>
    /// <c>{"term": {"FIELD": [...], ...}, ...}</c>: for each field the term is in somewhere, the
    /// pages it is in there, as gaps from the page before (the first from -1), where a negative
    /// number -n after a gap means "and the n pages after it too". A reader adds up a page's
    /// fields from every list it is in. One list per field, not per sum of fields, keeps the runs
    /// long: a word in the text of nearly every page is one short list, however many of those
    /// pages also have it in a heading.
    /// </summary>
    private static byte[] TermsFile(IEnumerable<KeyValuePair<string, List<int>>> terms)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var fields = Enum.GetValues<Fields>().Where(f => f != Fields.None).ToArray();
        var pagesWith = fields.Select(_ => new List<int>()).ToArray();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            foreach (var (term, docs) in terms)
            {
                // One pass over the term's pages sorts them into a list per field.
                foreach (var list in pagesWith)
                {
                    list.Clear();
                }

                foreach (var posting in docs)
                {
                    for (var f = 0; f < fields.Length; f++)
                    {
                        if ((posting & (int)fields[f]) != 0)
                        {
                            pagesWith[f].Add(posting >> FieldBits);
                        }
                    }
                }

                json.WriteStartObject(term);
                for (var f = 0; f < fields.Length; f++)
                {
                    if (pagesWith[f].Count > 0)
                    {
                        json.WriteStartArray(((int)fields[f]).ToString(CultureInfo.InvariantCulture));
                        WriteRuns(json, pagesWith[f]);
                        json.WriteEndArray();
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRuns(Utf8JsonWriter json, List<int> ascending)
    {
        var previous = -1;
        var runStart = -1;
        var runEnd = -1;
        void Flush()
        {
            if (runStart < 0)
            {
                return;
            }

            json.WriteNumberValue(runStart - previous);
            if (runEnd > runStart)
            {
                json.WriteNumberValue(runStart - runEnd);
            }

            previous = runEnd;
        }

        foreach (var doc in ascending)
        {
            if (runStart >= 0 && doc == runEnd + 1)
            {
                runEnd = doc;
                continue;
            }

            Flush();
            runStart = runEnd = doc;
        }

        Flush();
    }

    /// <summary><c>[["title", "href", "description"], ...]</c> in page-number order.</summary>
    private static byte[] DocsFile(IEnumerable<IndexedPage> docs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartArray();
            foreach (var doc in docs)
            {
                json.WriteStartArray();
                json.WriteStringValue(doc.Title);
                json.WriteStringValue(doc.Href);
                json.WriteStringValue(doc.Description);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
