namespace StaticSite.Tests.Browser;

/// <summary>
/// Where the browser tests find Chromium and pdftotext. Nothing is ever downloaded: without
/// Chromium every browser test is skipped with a reason that says how to install it.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public const string MissingReason =
        "Chromium not found at /usr/bin/chromium or $CHROMIUM_PATH; install it with: apt-get install chromium";

    public const string PdfToTextMissingReason =
        "pdftotext not found at /usr/bin/pdftotext or on PATH; install it with: apt-get install poppler-utils";

    /// <summary>$CHROMIUM_PATH if it names a file, else /usr/bin/chromium if present, else null.</summary>
    public static string? ExecutablePath { get; } = Find();

    public static string? PdfToText { get; } = Support.Tools.Find("pdftotext");

    /// <summary>Flags that keep a headless run quiet, offline and fast on a small CI machine.</summary>
    public static IReadOnlyList<string> Args { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured))
        {
            return configured;
        }

        return File.Exists(DefaultPath) ? DefaultPath : null;
    }
}

/// <summary>
/// A fact that needs Chromium. xunit 2 has no dynamic skip, so the skip is decided when the
/// attribute is constructed, before the test (and the shared browser fixture) would run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = Chromium.MissingReason;
        }
    }

    /// <summary>Also skip (with its own reason) when pdftotext is missing.</summary>
    public bool NeedsPdfToText
    {
        get => field;
        set
        {
            field = value;
            if (value && Skip is null && Chromium.PdfToText is null)
            {
                Skip = Chromium.PdfToTextMissingReason;
            }
        }
    }
}

/// <summary>A theory that needs Chromium; see <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = Chromium.MissingReason;
        }
    }
}
