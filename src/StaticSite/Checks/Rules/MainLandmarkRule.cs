using StaticSite.Diagnostics;

namespace StaticSite.Checks.Rules;

/// <summary>The skip link and landmark navigation both land on the one &lt;main&gt;.</summary>
public sealed class MainLandmarkRule() : ExactlyOneElementRule("main")
{
    public override string Code => Codes.PageStructure;
    public override string Message => "page needs exactly one <main>";
}
