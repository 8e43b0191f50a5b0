namespace StaticSite.Tests.Browser;

/// <summary>The outline and the diff behind <see cref="AriaSnapshotTests"/>, on fixed text: no browser needed.</summary>
public sealed class AriaSnapshotFormatTests
{
    private const string Page = """
        - link "Skip to main content":
          - /url: "#main"
        - banner:
          - navigation "Main":
            - list:
              - listitem:
                - link "Home":
                  - /url: /
        - main:
          - heading "Title" [level=1]
          - paragraph:
            - text: Read about
            - link "calf strain":
              - /url: /calf-strain/
          - group "Symptoms":
            - text: Symptoms
            - list:
              - listitem:
                - 'checkbox "Aching pain: deep in the calf." [checked]'
                - strong: "Aching pain:"
          - 'heading "Urgent advice: See a GP if:" [level=3]'
          - list:
            - listitem: your calf is swollen
        - contentinfo:
          - paragraph: In an emergency, call 999.
          - link "Accessibility statement":
            - /url: /accessibility/
        """;

    [Fact]
    public void The_outline_keeps_landmarks_navigation_links_headings_and_checklists_and_drops_the_running_text()
    {
        Assert.Equal("""
            - link "Skip to main content":
              - /url: "#main"
            - banner:
              - navigation "Main":
                - link "Home":
                  - /url: /
            - main:
              - heading "Title" [level=1]
              - group "Symptoms":
                - 'checkbox "Aching pain: deep in the calf." [checked]'
              - 'heading "Urgent advice: See a GP if:" [level=3]'
            - contentinfo:
              - paragraph: In an emergency, call 999.
              - link "Accessibility statement":
                - /url: /accessibility/

            """.ReplaceLineEndings("\n"), AriaSnapshot.Outline(Page));
    }

    [Fact]
    public void The_difference_shows_lost_and_new_lines_with_context_and_nothing_when_equal()
    {
        var outline = AriaSnapshot.Outline(Page);
        Assert.Null(AriaSnapshot.Difference(outline, outline));

        var changed = outline.Replace("Urgent advice: See a GP if:", "See a GP if:", StringComparison.Ordinal);
        string[] expected =
        [
            "    - group \"Symptoms\":",
            "      - 'checkbox \"Aching pain: deep in the calf.\" [checked]'",
            "+   - 'heading \"See a GP if:\" [level=3]'",
            "-   - 'heading \"Urgent advice: See a GP if:\" [level=3]'",
            "  - contentinfo:",
            "    - paragraph: In an emergency, call 999.",
        ];
        Assert.Equal(string.Join('\n', expected), AriaSnapshot.Difference(outline, changed));
    }
}
