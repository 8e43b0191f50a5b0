using StaticSite.Checks.Rules;

namespace StaticSite.Tests.Checks;

/// <summary>
/// Which addresses run code, read as the WHATWG URL standard has browsers read them. Whole pages,
/// with raw HTML and character references: tests/fixtures/invalid/script-link.
/// </summary>
public sealed class ScriptUrlRuleTests
{
    [Theory]
    [InlineData("javascript:alert(1)", "javascript:")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript:")]
    [InlineData(" \u0001\u001Fjavascript:alert(1)", "javascript:")]
    [InlineData("java\tscript:alert(1)", "javascript:")]
    [InlineData("jav\na\rscript:alert(1)", "javascript:")]
    [InlineData("javascript\t:alert(1)", "javascript:")]
    [InlineData("vbscript:msgbox(1)", "vbscript:")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data:text/html")]
    [InlineData("data: TEXT/HTML ;base64,PHNjcmlwdD4=", "data:text/html")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>", "data:image/svg+xml")]
    [InlineData("data:application/xhtml+xml,x", "data:application/xhtml+xml")]
    public void Addresses_that_run_code(string url, string kind) =>
        Assert.Equal(kind, ScriptUrlRule.RunsCode(url));

    [Theory]
    [InlineData("https://www.nhs.uk/javascript:")]
    [InlineData("mailto:help@example.org")]
    [InlineData("javascript-guide.md")]
    [InlineData("/javascript:alert(1)")]
    [InlineData("#javascript:")]
    [InlineData("java%09script:alert(1)")] // not a scheme: % is not allowed in one, so it is a relative path
    [InlineData("\u00A0javascript:alert(1)")] // a no-break space is not trimmed, so no scheme either
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("")]
    [InlineData(null)]
    public void Addresses_that_do_not(string? url) =>
        Assert.Null(ScriptUrlRule.RunsCode(url));
}
