using StaticSite.PlainEnglish;

namespace StaticSite.Tests.PlainEnglish;

public sealed class SpellingVariantTests
{
    private static List<string> Warnings(string text)
    {
        var found = new List<string>();
        var prose = new ProseText(text, [new ProseSegment(0, 1, 1)], false, false);
        SpellingVariantRule.Load().Check(prose, (_, message) => found.Add(message));
        return found;
    }

    [Theory]
    [InlineData("Muscle fibers tear.", "fibres")]
    [InlineData("It helps to minimize swelling.", "minimise")]
    [InlineData("The swelling was minimized.", "minimised")]
    [InlineData("See a physical therapist.", "physiotherapist")]
    [InlineData("Some discoloration of the skin.", "discolouration")]
    [InlineData("Take acetaminophen.", "paracetamol")]
    public void Names_the_british_form(string text, string uk)
    {
        var warning = Assert.Single(Warnings(text));
        Assert.Contains($"write '{uk}'", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Muscle fibres tear and the colour changes.")]
    [InlineData("A physiotherapist can help you organise a programme.")]
    [InlineData("Colorado is a place, and fiberglass is a word of its own.")]
    public void Leaves_british_spelling_and_other_words_alone(string text) => Assert.Empty(Warnings(text));

    [Fact]
    public void Every_line_of_the_word_list_is_a_pair() =>
        Assert.Throws<FormatException>(() => SpellingVariantRule.Parse("fiber fibre\n"));
}
