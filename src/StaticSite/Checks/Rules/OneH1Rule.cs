using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>One h1 says what the page is; screen-reader users jump to it to start reading.</summary>
public sealed class OneH1Rule() : ExactlyOneElementRule("h1")
{
    public override string Code => Codes.HeadingH1;
    public override string Message => "page has {0} h1 elements; it needs exactly one";
}
