using System.Text.Json;
using StaticSite.Search;

namespace StaticSite.Tests.Search;

/// <summary>A result as the docs files give it.</summary>
public sealed record IndexedDoc(string Title, string Href, string Description);

/// <summary>
/// The search index read back from a built site the way search.js reads it, so tests can ask
/// what a query finds and which files it took, without a browser. The browser tests hold the
/// script itself to the same answers.
/// </summary>
public sealed class IndexReader(Func<string, byte[]?> file)
{
    /// <summary>Reads from a finished build's files.</summary>
    public static IndexReader Of(BuildResult result) =>
        new(path => result.Files.TryGetValue(path, out var bytes) ? bytes : null);

    /// <summary>The files under search/index/ read so far, in the order first read.</summary>
    public List<string> Read { get; } = [];

    private JsonElement Json(string path)
    {
        var bytes = file(SearchIndex.Folder + path) ?? throw new Xunit.Sdk.XunitException($"no index file {SearchIndex.Folder}{path}");
        if (!Read.Contains(path))
        {
            Read.Add(path);
        }

        return JsonDocument.Parse(bytes).RootElement;
    }

    /// <summary>Page number → the sum of the fields the term is in there; empty when no page has it.</summary>
    public IReadOnlyDictionary<int, int> Postings(string term)
    {
        var pages = new Dictionary<int, int>();
        // As search.js does: the term's file is the longest start of it that has one.
        var key = new[] { 2, 1 }.Select(n => SearchTerms.ShardKey(term, n)).FirstOrDefault(k => file(SearchIndex.Folder + "t/" + k + ".json") is not null);
        if (key is null || !Json("t/" + key + ".json").TryGetProperty(term, out var entry))
        {
            return pages;
        }

        foreach (var fields in entry.EnumerateObject())
        {
            var page = -1;
            foreach (var n in fields.Value.EnumerateArray().Select(n => n.GetInt32()))
            {
                for (var i = n > 0 ? 1 : -n; i > 0; i--)
                {
                    page += n > 0 ? n : 1;
                    var field = int.Parse(fields.Name, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True((pages.GetValueOrDefault(page) & field) == 0, $"page {page} is listed twice under '{term}' for field {field}");
                    pages[page] = pages.GetValueOrDefault(page) | field;
                }
            }
        }

        return pages;
    }

    /// <summary>Pages that have every term of the query, best first (sum of fields, then page number); exact terms only.</summary>
    public IReadOnlyList<int> Query(string query)
    {
        Dictionary<int, int>? scores = null;
        foreach (var term in SearchTerms.Of(query))
        {
            var found = Postings(term);
            scores = scores is null
                ? found.ToDictionary()
                : scores.Where(s => found.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value + found[s.Key]);
        }

        return (scores ?? []).OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => s.Key).ToList();
    }

    public IndexedDoc Doc(int page)
    {
        var entry = Json("d/" + (page / SearchIndex.DocsPerFile) + ".json")[page % SearchIndex.DocsPerFile];
        return new IndexedDoc(entry[0].GetString()!, entry[1].GetString()!, entry[2].GetString()!);
    }

    /// <summary>The titles of a query's results, best first.</summary>
    public IReadOnlyList<string> Titles(string query) => Query(query).Select(p => Doc(p).Title).ToList();

    /// <summary>Every indexed page, in page-number order.</summary>
    public IReadOnlyList<IndexedDoc> AllDocs()
    {
        var docs = new List<IndexedDoc>();
        for (var n = 0; file(SearchIndex.Folder + "d/" + n + ".json") is not null; n++)
        {
            docs.AddRange(Json("d/" + n + ".json").EnumerateArray().Select(e => new IndexedDoc(e[0].GetString()!, e[1].GetString()!, e[2].GetString()!)));
        }

        return docs;
    }
}
