using StaticSite.Search;

namespace StaticSite.Tests.Search;

/// <summary>What the index and a query make of words: case, accents, apostrophes and plurals forgiven.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("strains", "strain")]
    [InlineData("strain", "strain")]
    [InlineData("injuries", "injury")]
    [InlineData("injury", "injury")]
    [InlineData("aches", "ach")]
    [InlineData("ache", "ach")]
    [InlineData("headaches", "headach")]
    [InlineData("stretches", "stretch")]
    [InlineData("stretch", "stretch")]
    [InlineData("stresses", "stress")]
    [InlineData("stress", "stress")]
    [InlineData("fitness", "fitness")]
    [InlineData("meniscus", "meniscus")]
    [InlineData("arthritis", "arthritis")]
    [InlineData("calves", "calf")]
    [InlineData("calf", "calf")]
    [InlineData("feet", "foot")]
    [InlineData("calories", "calory")]
    [InlineData("calorie", "calory")]
    [InlineData("knees", "knee")]
    [InlineData("shoes", "shoe")]
    [InlineData("relaxes", "relax")]
    [InlineData("ties", "tie")]
    [InlineData("gas", "gas")]
    public void A_plural_and_its_singular_have_one_stem(string word, string stem) =>
        Assert.Equal(stem, SearchTerms.Stem(word));

    [Fact]
    public void Case_accents_apostrophes_and_common_words_are_forgiven()
    {
        Assert.Equal(["achille", "tendon"], SearchTerms.Of("ACHILLÉS’ Tendons"));
        Assert.Equal(["runner", "knee"], SearchTerms.Of("Runner's knee"));
        Assert.Equal(["runner", "knee"], SearchTerms.Of("runner’s knees"));
        Assert.Equal(["dont", "stop", "running"], SearchTerms.Of("Don't stop running"));
        Assert.Equal(["calf", "hurt"], SearchTerms.Of("Why does my calf hurt?"));
        Assert.Equal(["naive", "cafe"], SearchTerms.Of("naïve café"));
        // A combining accent written as its own character goes too.
        Assert.Equal(["cafe"], SearchTerms.Of("cafe\u0301"));
    }

    [Fact]
    public void Numbers_keep_their_digits_and_single_characters_are_left_out()
    {
        Assert.Equal(["10000", "step", "day"], SearchTerms.Of("10,000 steps a day"));
        Assert.Equal(["15", "litre"], SearchTerms.Of("1.5 litres"));
        Assert.Empty(SearchTerms.Of("a I 5 x"));
    }

    [Fact]
    public void Letters_outside_latin_are_separators_as_in_the_browser()
    {
        // NFD leaves æ, ø and ß as they are, and the word scanner reads only a to z.
        Assert.Equal(["hr", "ss"], SearchTerms.Of("Ærøs hrø ßss"));
    }

    [Fact]
    public void Each_term_is_filed_under_its_first_character_or_on_a_large_site_its_first_two()
    {
        Assert.Equal("c", SearchTerms.ShardKey("calf", SearchIndex.KeyLength(1)));
        Assert.Equal("c", SearchTerms.ShardKey("calf", SearchIndex.KeyLength(SearchIndex.OneCharacterKeysUpTo)));
        Assert.Equal("ca", SearchTerms.ShardKey("calf", SearchIndex.KeyLength(SearchIndex.OneCharacterKeysUpTo + 1)));
        Assert.Equal("10", SearchTerms.ShardKey("10000", 2));
    }

    [Fact]
    public void A_fragment_is_read_as_its_text_without_tags_comments_or_references()
    {
        Assert.Equal(" A  DVT  (deep&vein) café 😀 ’   ", FragmentText.Of("<p title=\"a > b\">A <abbr>DVT</abbr> (deep&amp;vein) caf&#233; &#x1F600; &rsquo; <!-- don't --></p>"));
        Assert.Equal(["dvt", "deep", "vein", "cafe"], FragmentTerms("<p>A <a href=\"/x/\">DVT</a> (deep &amp; vein) caf&#233;</p>"));
        // A stray & is text, and "A&E" is two single letters, which are not indexed.
        Assert.Equal(["patient", "more"], FragmentTerms("<p>A&E patients; more</p>"));
    }

    /// <summary>The terms of a fragment's words, made as the search index makes them.</summary>
    private static string[] FragmentTerms(string html)
    {
        var terms = new List<string>();
        FragmentText.ForEachWord(System.Text.Encoding.UTF8.GetBytes(html), word =>
        {
            var term = new char[word.Length];
            var length = SearchTerms.TermOf(word, term);
            if (length > 0)
            {
                terms.Add(new string(term, 0, length));
            }
        });
        return [.. terms];
    }
}
