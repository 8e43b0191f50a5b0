using StaticSite.Markdown;

namespace StaticSite.Tests.Markdown;

public sealed class ReadabilityTests
{
    // Published examples of the Flesch reading ease (Wikipedia, "Flesch–Kincaid readability tests").
    [Theory]
    [InlineData("The cat sat on the mat.", 116.1)]
    [InlineData("This sentence, taken as a reading passage unto itself, is being used to prove a point.", 69.0)]
    [InlineData("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 24.4)]
    public void Reading_ease_matches_published_figures(string sentence, double published)
    {
        Assert.Equal(published, Math.Round(Readability.Score(sentence).ReadingEase, 1), 1);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("prove", 1)]
    [InlineData("used", 1)]
    [InlineData("wanted", 2)]
    [InlineData("being", 2)]
    [InlineData("australian", 4)]
    [InlineData("creature", 2)]
    [InlineData("readability", 5)]
    [InlineData("boxes", 2)]
    [InlineData("nation", 2)]
    public void Syllables_are_counted_as_a_reader_says_them(string word, int syllables)
    {
        Assert.Equal(syllables, Readability.Syllables(word));
    }

    [Fact]
    public void Grade_follows_the_flesch_kincaid_formula()
    {
        var score = new ReadabilityScore(Words: 100, Sentences: 5, Syllables: 150);
        Assert.Equal((0.39 * 20) + (11.8 * 1.5) - 15.59, score.Grade, 6);
        Assert.Equal(206.835 - (1.015 * 20) - (84.6 * 1.5), score.ReadingEase, 6);
    }

    [Fact]
    public void Each_list_item_ends_a_sentence_even_without_a_full_stop()
    {
        var score = Readability.Score([new ProseBlock("Rest your leg", true), new ProseBlock("Use ice", true)]);
        Assert.Equal(2, score.Sentences);
        Assert.Equal(5, score.Words);
    }

    [Fact]
    public void Abbreviations_and_decimals_do_not_end_sentences()
    {
        Assert.Equal(1, Readability.Score("Rest for 1.5 days, e.g. at home.").Sentences);
    }
}
