using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using StaticSite.Diagnostics;

namespace StaticSite.Markdown.Components;

public enum CareLevel
{
    NonUrgent,
    Urgent,
    Emergency,
}

/// <summary>
/// <c>::: care urgent See a doctor urgently if:</c>: the NHS care card. Urgency never rests on
/// colour alone: the heading's own words and a visually hidden prefix inside it carry it.
/// </summary>
public sealed class CareCardBlock(BlockParser parser) : ComponentBlock(parser)
{
    public const string Name = "care";

    private static readonly (string Word, CareLevel Level, string Prefix)[] Levels =
    [
        ("non-urgent", CareLevel.NonUrgent, "Non-urgent advice: "),
        ("urgent", CareLevel.Urgent, "Urgent advice: "),
        ("emergency", CareLevel.Emergency, "Immediate action required: "),
    ];

    private string LevelWord => Title.Split(' ', 2)[0];

    public CareLevel? Level => Levels.Where(l => l.Word == LevelWord).Select(l => (CareLevel?)l.Level).FirstOrDefault();

    public string LevelName => Levels.FirstOrDefault(l => l.Level == Level).Word ?? "";

    public string Prefix => Levels.FirstOrDefault(l => l.Level == Level).Prefix ?? "";

    public string Heading => Title.Split(' ', 2) is [_, var heading] ? heading.Trim() : "";

    public override void Validate(ComponentProblem report)
    {
        var words = string.Join(", ", Levels.Select(l => l.Word));
        if (Level is null)
        {
            report(Codes.UnknownCareLevel,
                LevelWord.Length == 0
                    ? $"'::: care' needs a level ({words}) and a heading, like '::: care urgent See a GP urgently if:'"
                    : $"unknown care level '{LevelWord}'; use one of: {words}",
                this);
        }
        else if (Heading.Length == 0)
        {
            report(Codes.ComponentNeedsTitle, $"'::: care {LevelWord}' needs a heading after the level, like '::: care {LevelWord} See a GP if:'", this);
        }

        if (Count == 0)
        {
            report(Codes.ComponentNeedsList, "a care card needs content: the signs or advice, usually as a list", this);
        }
    }
}

public sealed class CareCardRenderer : HtmlObjectRenderer<CareCardBlock>
{
    protected override void Write(HtmlRenderer renderer, CareCardBlock block)
    {
        var level = block.HeadingLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        renderer.EnsureLine();
        renderer.Write("<div class=\"care-card care-card--").Write(block.LevelName).WriteLine("\">");
        renderer.Write("<h").Write(level).Write(" class=\"care-card__heading\"><span class=\"visually-hidden\">")
            .WriteEscape(block.Prefix).Write("</span>").WriteEscape(block.Heading).Write("</h").Write(level).WriteLine(">");
        renderer.WriteLine("<div class=\"care-card__content\">");
        renderer.WriteChildren(block);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
        renderer.WriteLine("</div>");
    }
}

public sealed class CareCardExtension() : ComponentExtension<CareCardBlock, CareCardRenderer>(CareCardBlock.Name, p => new CareCardBlock(p));
