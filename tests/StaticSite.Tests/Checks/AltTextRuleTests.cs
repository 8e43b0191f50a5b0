using StaticSite.Checks.Rules;

namespace StaticSite.Tests.Checks;

/// <summary>Which alt texts the IMG002 warning is about, and which it leaves alone.</summary>
public sealed class AltTextRuleTests
{
    [Theory]
    [InlineData("IMG_2041.JPG", "/photos/calf.jpg", "is a file name")]
    [InlineData("calf-muscles.svg", "/leg/calf-muscles.svg", "is a file name")]
    [InlineData("calf-muscles", "/leg/calf-muscles.svg", "is a file name")]
    [InlineData("Calf Muscles.SVG", "/leg/calf%20muscles.svg", "is a file name")]
    [InlineData("Image of the calf", "/calf.svg", "starts with 'Image of'")]
    [InlineData("picture of a knee", "/knee.svg", "starts with 'picture of'")]
    [InlineData("An image of a knee", "/knee.svg", "starts with 'An image of'")]
    public void Unhelpful_alt_text_is_named(string alt, string src, string problem)
    {
        Assert.Contains(problem, AltTextRule.Problem(alt, src), StringComparison.Ordinal);
    }

    [Fact]
    public void Alt_text_over_150_characters_is_too_long_and_150_is_not()
    {
        Assert.Null(AltTextRule.Problem(new string('a', 149) + ".", "/x.svg"));
        Assert.Contains("is 151 characters", AltTextRule.Problem(new string('a', 150) + ".", "/x.svg"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "/divider.svg")]
    [InlineData("The calf muscles from the side", "/calf.svg")]
    [InlineData("A picture-perfect landing on the forefoot", "/landing.jpg")]
    [InlineData("Imaging of the knee with an MRI scanner", "/mri.jpg")]
    [InlineData("Photo of a swollen ankle", "/ankle.jpg")]
    [InlineData("Diagram of the knee", "/knee.svg")]
    public void Helpful_and_decorative_alt_text_is_left_alone(string alt, string src)
    {
        Assert.Null(AltTextRule.Problem(alt, src));
    }
}
