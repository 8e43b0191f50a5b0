using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace StaticSite.Markdown.Components;

/// <summary>
/// A <c>::: name arguments</c> ... <c>:::</c> block. Each component (checklist, care card, steps)
/// derives from it; the layout pass fills in <see cref="HeadingLevel"/> and <see cref="IdBase"/>
/// once the whole page is parsed, because both depend on the rest of the page.
/// </summary>
public abstract class ComponentBlock(BlockParser parser) : ContainerBlock(parser), IFencedBlock
{
    /// <summary>The words after the component name, e.g. the checklist's title.</summary>
    public string Title => (Arguments ?? "").Trim();

    /// <summary>Heading level that fits the outline where the component stands (h3 under an h2).</summary>
    public int HeadingLevel { get; set; } = 3;

    /// <summary>Page-unique stem for the ids the component renders.</summary>
    public string IdBase { get; set; } = "";

    public bool IsClosed => ClosingFencedCharCount > 0;

    /// <summary>Checks what the author wrote inside the fence; the parser itself accepts anything.</summary>
    public abstract void Validate(ComponentProblem report);

    /// <summary>The one list a checklist or steps block must hold, or null (and a report) if it does not.</summary>
    protected ListBlock? SingleList(ComponentProblem report, string what)
    {
        var lists = this.OfType<ListBlock>().ToList();
        if (lists.Count == 1 && Count == 1)
        {
            return lists[0];
        }

        report(Diagnostics.Codes.ComponentNeedsList, $"{what} must hold one Markdown list and nothing else (start each line with '- ' or '1. ')", this);
        return null;
    }

    protected void RequireTitle(ComponentProblem report, string example)
    {
        if (Title.Length == 0)
        {
            report(Diagnostics.Codes.ComponentNeedsTitle, $"'::: {Info}' needs a title after it, like '::: {Info} {example}'", this);
        }
    }

    public char FencedChar { get; set; }
    public int OpeningFencedCharCount { get; set; }
    public StringSlice TriviaAfterFencedChar { get; set; }
    public string? Info { get; set; }
    public StringSlice UnescapedInfo { get; set; }
    public StringSlice TriviaAfterInfo { get; set; }
    public string? Arguments { get; set; }
    public StringSlice UnescapedArguments { get; set; }
    public StringSlice TriviaAfterArguments { get; set; }
    public NewLine InfoNewLine { get; set; }
    public StringSlice TriviaBeforeClosingFence { get; set; }
    public int ClosingFencedCharCount { get; set; }
}

/// <summary>
/// Opens a component block when the fence's first word is the component's name; any other word
/// is left to the next parser, ending with <see cref="UnknownComponentParser"/> (name null).
/// </summary>
public class ComponentParser<T> : FencedBlockParserBase<T>
    where T : ComponentBlock
{
    private readonly Func<BlockParser, T> _create;

    public ComponentParser(string? name, Func<BlockParser, T> create)
    {
        Name = name;
        _create = create;
        OpeningCharacters = [':'];
        InfoPrefix = null;
        InfoParser = ParseInfo;
    }

    /// <summary>The word after <c>:::</c> this parser answers to; null answers to any word.</summary>
    public string? Name { get; }

    protected override T CreateFencedBlock(BlockProcessor processor) => _create(this);

    private bool ParseInfo(BlockProcessor state, ref StringSlice line, IFencedBlock fenced, char openingCharacter) =>
        DefaultInfoParser(state, ref line, fenced, openingCharacter)
        && (Name is null || string.Equals(fenced.Info, Name, StringComparison.Ordinal));
}

/// <summary>A component made of a title and exactly one list: checklists and steps.</summary>
/// <param name="example">A title to show in the error when the author gave none.</param>
/// <param name="what">How messages name the component ("a checklist").</param>
public abstract class ListComponentBlock(BlockParser parser, string example, string what) : ComponentBlock(parser)
{
    public ListBlock? List => this.OfType<ListBlock>().FirstOrDefault();

    public override void Validate(ComponentProblem report)
    {
        RequireTitle(report, example);
        SingleList(report, what);
    }
}

/// <summary>Catches <c>::: anything-else</c> so a misspelt component is an error, not silent text.</summary>
public sealed class UnknownComponentBlock(BlockParser parser) : ComponentBlock(parser)
{
    public override void Validate(ComponentProblem report) =>
        report(Diagnostics.Codes.UnknownComponent,
            $"unknown component '::: {Info}'" + (Info is { Length: > 0 } ? "" : " (a name must follow ':::')") + "; use one of: checklist, care, steps, figure",
            this);
}

public sealed class UnknownComponentParser() : ComponentParser<UnknownComponentBlock>(null, p => new UnknownComponentBlock(p));

/// <summary>A problem with how a component is written, reported with the block's position.</summary>
public delegate void ComponentProblem(string code, string message, Block at);
