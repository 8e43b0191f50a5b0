using System.Diagnostics;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Checks;

/// <summary>
/// Readers in a text browser (lynx) get the article in reading order, checklists as boxes to
/// tick and care cards with their urgency in words.
/// </summary>
public sealed class TextBrowserTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private static string Dump(string file)
    {
        var start = new ProcessStartInfo(Lynx.Path!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-dump", "-nolist", "-width=80", "-assume_charset=utf-8", "-display_charset=utf-8", file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [LynxFact]
    public void The_soleus_article_reads_in_order_with_tickable_boxes_and_worded_urgency()
    {
        var text = Dump(Path.Combine(fixture.Site.Output, "leg-and-knee", "soleus-pain-when-running", "index.html"));

        string[] inOrder =
        [
            "Skip to main content", "Why does my soleus hurt when I run?", "On this page", "Causes",
            "Common symptoms of soleus pain", "Tick any that you have.", "[ ] Aching pain:",
            "Immediate action required: Call 999", "Immediate action required: Go to an urgent treatment centre or A&E",
            "Urgent advice: Ask for an urgent GP appointment", "Non-urgent advice: See a GP",
            "Soleus wall stretch", "1. Stand facing a wall",
            "Related pages", "Sources", "Page last reviewed: 30 November 2026", "Next review due: 30 November 2027",
        ];
        var at = 0;
        foreach (var phrase in inOrder)
        {
            var found = text.IndexOf(phrase, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{phrase}' missing or out of order in the text browser:\n{text}");
            at = found + phrase.Length;
        }

        Assert.Equal(10, text.Split("[ ]").Length - 1);
    }
}

public static class Lynx
{
    public static string? Path { get; } = Tools.Find("lynx");
}

/// <summary>Skipped, with the install command as the reason, when lynx is not installed.</summary>
public sealed class LynxFactAttribute : FactAttribute
{
    public LynxFactAttribute()
    {
        if (Lynx.Path is null)
        {
            Skip = "lynx not found: install it with 'apt-get install lynx'";
        }
    }
}
