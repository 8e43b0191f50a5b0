using System.Text.RegularExpressions;
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

/// <summary>
/// The syllable counter was rewritten from regexes to loops for speed; scores must not move. The
/// regex version is kept here as the reference and compared on every word of the real site.
/// </summary>
public sealed class SyllableReferenceTests
{
    [Fact]
    public void The_fast_counter_agrees_with_the_regex_reference_on_every_word_of_the_site()
    {
        var words = Directory.EnumerateFiles(Support.Repo.Input, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "[A-Za-z]+(?:['’][A-Za-z]+)*").Select(m => m.Value))
            .Concat(["being", "lion", "australian", "social", "nation", "table", "wanted", "boxes", "tapes", "used", "prove", "seeing", "agreeing"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(words.Count > 2000, $"only {words.Count} words");
        Assert.All(words, w => Assert.True(Reference(w) == StaticSite.Markdown.Readability.Syllables(w), $"'{w}': reference {Reference(w)}, fast {StaticSite.Markdown.Readability.Syllables(w)}"));
    }

    private static int Reference(string word)
    {
        var w = new string(word.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var count = Regex.Matches(w, "[aeiouy]+").Count;
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal) && count > 1 && "aeiouy".IndexOf(w[^3], StringComparison.Ordinal) < 0)
        {
            count--;
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && count > 1 && !Regex.IsMatch(w, "(?:[sxz]|ch|sh|ge|ce)es$"))
        {
            count--;
        }

        count += Regex.Matches(w, "[bdfhklmnprvwz]i[ao]").Count;
        count += Regex.Matches(w, "(?<=[aeiouy])ing").Count;
        return Math.Max(1, count);
    }
}
