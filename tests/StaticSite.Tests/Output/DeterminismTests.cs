using StaticSite.Tests.Support;

namespace StaticSite.Tests.Output;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_of_the_real_site_are_byte_identical()
    {
        using var first = BuiltSite.Real();
        using var second = BuiltSite.Real();
        Assert.True(first.Result.Succeeded, first.Errors);

        Assert.Equal(first.Result.Files.Keys, second.Result.Files.Keys);
        foreach (var (path, bytes) in first.Result.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second.Result.Files[path]), $"{path} differs between builds");
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second.Output, path)));
        }
    }
}
