using StaticSite.Search;
using Fields = StaticSite.Search.SearchIndex.Fields;

namespace StaticSite.Tests.Search;

/// <summary>
/// A thread's table of search terms (its own hash table, kept from page to page): each page gets
/// back exactly the terms it met, in the order it met them, with every field it met each in,
/// however many terms the thread has seen before and however often the table has grown.
/// </summary>
public sealed class TermTableTests
{
    [Fact]
    public void Each_page_gets_its_own_terms_in_order_with_their_fields_across_growth()
    {
        var table = new TermTable();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 0; page < 6; page++)
        {
            // 3,000 terms a page, half of them met on the page before: the table grows past 4,096 places twice.
            var expected = new List<KeyValuePair<string, Fields>>();
            for (var i = 0; i < 3000; i++)
            {
                var term = "t" + ((page * 1500) + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var field = (Fields)(1 << (i % 6));
                table.Add(term, field);
                if (i % 7 == 0)
                {
                    table.Add(term, Fields.Heading);
                    field |= Fields.Heading;
                }

                expected.Add(KeyValuePair.Create(term, field));
            }

            var taken = table.TakeAll();

            Assert.Equal(expected, taken);
            foreach (var (term, _) in taken)
            {
                // One string a term, however many pages it is on.
                Assert.Same(seen.TryGetValue(term, out var earlier) ? earlier : seen[term] = term, term);
            }
        }
    }

    [Fact]
    public void Terms_with_the_same_hash_slot_stay_apart()
    {
        var table = new TermTable();
        string[] terms = ["ab", "ba", "a", "b", "", "abc", "acb", "bac"];
        foreach (var term in terms)
        {
            table.Add(term, Fields.Body);
        }

        table.Add("ba", Fields.Title);

        var taken = table.TakeAll();

        Assert.Equal(terms, taken.Select(t => t.Key));
        Assert.Equal(Fields.Body | Fields.Title, taken[1].Value);
    }

    /// <summary>
    /// Pages come in as words, each made a term once a thread and then found by the word: every
    /// page, the first or the fifth to use a word, gets the terms <see cref="SearchTerms.Of"/> makes
    /// of its text, in the same order.
    /// </summary>
    [Fact]
    public void Words_give_the_terms_the_text_makes_on_every_page_that_has_them()
    {
        var table = new TermTable();
        var visit = table.VisitorFor(Fields.Body);
        var pages = Directory.EnumerateFiles(Support.Repo.Input, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => StaticSite.Content.FrontMatter.Split(File.ReadAllText(f)).Body)
            .Append("Strains, the strain's STRAIN and Achillés: 10,000 runners' calves; why does my calf hurt? Don't.")
            .ToList();

        foreach (var text in pages.Concat(pages))
        {
            SearchTerms.ForEachWord(text, visit);
            Assert.Equal(SearchTerms.Of(text), table.TakeAll().Select(t => t.Key));
        }
    }
}

