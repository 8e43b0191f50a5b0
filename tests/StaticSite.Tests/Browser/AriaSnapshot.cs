using System.Text;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Reviewed expected accessibility trees, kept in AriaSnapshots/NAME.aria.yml next to the tests.
/// A run compares what Chromium gives (Playwright's <c>ariaSnapshot()</c>) with the file and fails
/// with a line diff; <c>UPDATE_ARIA_SNAPSHOTS=1</c> rewrites the files instead, so a change to
/// what a screen reader hears is always a change someone reviews in the pull request.
/// </summary>
public static class AriaSnapshot
{
    public const string UpdateVariable = "UPDATE_ARIA_SNAPSHOTS";

    public static string Folder { get; } = Path.Combine(Repo.Root, "tests", "StaticSite.Tests", "Browser", "AriaSnapshots");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string name) => Path.Combine(Folder, name + ".aria.yml");

    /// <summary>The expected tree for <paramref name="name"/>, without its comment lines; null when there is no file yet.</summary>
    public static string? Expected(string name)
    {
        var file = PathOf(name);
        return File.Exists(file) ? WithoutComments(File.ReadAllText(file)) : null;
    }

    /// <summary>
    /// Fails unless <paramref name="actual"/> matches the expected file (or, when updating,
    /// writes it). <paramref name="what"/> becomes the file's comment, saying what it covers.
    /// </summary>
    public static void AssertMatches(string name, string actual, string what)
    {
        actual = Normalise(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(PathOf(name), $"# {what}\n# Reviewed expected file: regenerate on purpose with {UpdateVariable}=1 (see AriaSnapshotTests).\n{actual}");
            return;
        }

        var expected = Expected(name);
        if (expected is null)
        {
            Assert.Fail($"no expected accessibility tree {PathOf(name)}; review this one and save it with {UpdateVariable}=1:\n{actual}");
        }

        if (Difference(expected, actual) is { } diff)
        {
            Assert.Fail($"the accessibility tree of {name} changed (- expected in {Path.GetRelativePath(Repo.Root, PathOf(name))}, + now).\n"
                + $"If the change is intended, review it and rerun with {UpdateVariable}=1.\n{diff}");
        }
    }

    /// <summary>A unified-style line diff with two lines of context, or null when the two are the same.</summary>
    public static string? Difference(string expected, string actual)
    {
        var a = Normalise(expected).TrimEnd('\n').Split('\n');
        var b = Normalise(actual).TrimEnd('\n').Split('\n');
        if (a.SequenceEqual(b, StringComparer.Ordinal))
        {
            return null;
        }

        // Longest common subsequence: snapshots are a few hundred lines, so the table is small.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        const int context = 2;
        var shown = new StringBuilder();
        var lastShown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - context), Math.Min(lines.Count, i + context + 1) - Math.Max(0, i - context))
                .Any(k => lines[k].Mark != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                shown.Append("  ...\n");
            }

            shown.Append(lines[i].Mark).Append(' ').Append(lines[i].Text).Append('\n');
            lastShown = i;
        }

        return shown.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// What a screen-reader user moves by on a page whose words change as the library grows: the
    /// landmarks and every link outside main (skip link, banner, navigation, footer), the
    /// footer's words (where to get urgent help), the
    /// heading outline (a care card's urgency is in its heading), each navigation inside main
    /// with its links ("On this page", the A to Z letters), regions, and each checklist as a
    /// named group with its named checkboxes, and each figure, named by its caption, with its
    /// image's alt text (what a reader who cannot see a diagram is told). Paragraphs, lists and links in the running text
    /// are left out, so editing a sentence or adding an article to a hub does not change it.
    /// Kept nodes stay as Playwright wrote them; only their indentation follows the kept parents.
    /// </summary>
    public static string Outline(string snapshot)
    {
        var kept = new StringBuilder();
        // The path from the root to the current line: (indent, kept?, role) of each open node.
        var open = new List<(int Indent, bool Kept, string Role)>();
        foreach (var line in Normalise(snapshot).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var entry = line.TrimStart(' ');
            if (!entry.StartsWith("- ", StringComparison.Ordinal))
            {
                continue;  // a continuation of a long value: part of a node left out or kept whole above
            }

            while (open.Count > 0 && open[^1].Indent >= indent)
            {
                open.RemoveAt(open.Count - 1);
            }

            var role = RoleOf(entry[2..]);
            var parentKept = open.Count > 0 && open[^1].Kept;
            var inMain = open.Any(o => o.Role == "main");
            var inNavigation = open.Any(o => o.Role == "navigation");
            var keep = role switch
            {
                "banner" or "navigation" or "main" or "contentinfo" or "complementary" or "region" or "search" or "form"
                    or "article" or "heading" or "group" or "checkbox" or "radio" => true,
                "link" => !inMain || inNavigation,
                "paragraph" => open.Any(o => o.Role == "contentinfo"),
                "figure" => true,
                "img" => parentKept && open[^1].Role == "figure",
                "/url" => parentKept && open[^1].Role == "link",
                _ => false,
            };
            if (keep)
            {
                var depth = open.Count(o => o.Kept);
                kept.Append(' ', 2 * depth).Append(entry).Append('\n');
            }

            open.Add((indent, keep, role));
        }

        return kept.ToString();
    }

    /// <summary>The role of one snapshot entry: <c>heading "x" [level=2]</c>, <c>'checkbox "a: b"'</c>, <c>/url: /x/</c>.</summary>
    private static string RoleOf(string entry)
    {
        var text = entry.StartsWith('\'') || entry.StartsWith('"') ? entry[1..] : entry;
        var end = text.IndexOfAny([' ', ':', '"']);
        return end < 0 ? text.TrimEnd('\'', '"') : text[..end];
    }

    private static string WithoutComments(string text) =>
        string.Join('\n', Normalise(text).Split('\n').Where(l => !l.StartsWith('#')));

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Trim('\n') + "\n";
}
