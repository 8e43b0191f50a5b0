using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using StaticSite.PlainEnglish;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.PlainEnglish;

/// <summary>
/// <see cref="Sentences.EndsIn"/> finds sentence ends by hand, for speed; this regex is the rule
/// it was written from and still states it most plainly, so every test holds the two to each other.
/// </summary>
public sealed partial class SentenceEndTests
{
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|vs))[.!?]+(?=\s|$|[""'’”)])")]
    private static partial Regex SentenceEnd();

    private static List<(int Index, int Length)> ByRegex(string text) =>
        [.. SentenceEnd().Matches(text).Select(m => (m.Index, m.Length))];

    private static List<(int Index, int Length)> ByHand(string text)
    {
        var ends = new List<(int, int)>();
        foreach (var end in Sentences.EndsIn(text))
        {
            ends.Add(end);
        }

        return ends;
    }

    [Theory]
    [InlineData("One. Two! Three? Four")]
    [InlineData("Take 1.5 tablets, e.g. paracetamol. See Dr. Smith, Mrs. Jones or Ms. Lee.")]
    [InlineData("It hurts...\nThen \"stop!\" she said (really?) and 'why?' ’ok.’ ”fine.”")]
    [InlineData("the.g. breg. ie. i.e. I.E. etc.. Mr.! Mrss. vs. avs. _vs. 3vs. évs. \u200Dvs. Dr.")]
    [InlineData("")]
    [InlineData("....")]
    [InlineData("a.b.c. ?! !x !")]
    public void Finds_the_same_ends_as_the_regex(string text) => Assert.Equal(ByRegex(text), ByHand(text));

    [Fact]
    public void Finds_the_same_ends_as_the_regex_for_any_text()
    {
        // The characters that matter to the rule, and a few that should not; short texts so that
        // abbreviations, runs of marks and boundaries meet often.
        var alphabet = "eEgGitcDMrsvV._!?  \n\"'’”)(1,é\u0301\u200D\u0903-".ToCharArray();
        var texts = Gen.Elements(alphabet).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(texts.ToArbitrary(), text => ByRegex(text).SequenceEqual(ByHand(text)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20_000).WithEndSize(40).WithQuietOnSuccess(true));
    }

    [Fact]
    public void A_word_character_before_an_abbreviation_is_what_the_regex_calls_one()
    {
        // Every character that is not a surrogate, before "vs." then a space: the regex's \b decides.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = (char)c + "vs. x";
            Assert.True(ByRegex(text).SequenceEqual(ByHand(text)), string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}"));
        }
    }

    [Fact]
    public void Finds_the_same_ends_as_the_regex_in_every_real_page()
    {
        var lines = 0;
        foreach (var file in Directory.EnumerateFiles(Repo.Input, "*.md", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++;
                Assert.True(ByRegex(line).SequenceEqual(ByHand(line)), $"{file}: {line}");
            }
        }

        Assert.True(lines > 1000, $"only {lines} lines were read");
    }
}
