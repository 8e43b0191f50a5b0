using System.Globalization;
using StaticSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticSite.Content;

/// <summary>
/// <c>input/_data/NAME.yml</c>, each read once and given to every layout as <c>site.data.NAME</c>,
/// so words a theme shows on every page (the footer's help lines) are content, edited beside the
/// pages, not markup. Values become what Liquid understands: maps, lists, text, numbers and
/// true/false. The folder starts with '_', so nothing in it is published.
/// </summary>
public static class DataFiles
{
    public const string Folder = "_data";

    /// <summary>Deeper than this is surely a mistake (or an alias that refers to itself).</summary>
    private const int MaxDepth = 32;

    public static IReadOnlyDictionary<string, object?> Load(BuildContext context)
    {
        var data = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var folder = Path.Combine(context.InputDir, Folder);
        if (!Directory.Exists(folder))
        {
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var display = context.Display(file);
            if (fileName.StartsWith('.'))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(fileName);
            if (!fileName.EndsWith(".yml", StringComparison.Ordinal))
            {
                context.Diagnostics.Error(Codes.Config, $"only .yml files are read in input/{Folder}/: rename {fileName} to {name}.yml, or move it out", display);
                continue;
            }

            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                context.Diagnostics.Error(Codes.Config, $"a data file's name becomes site.data.NAME in layouts, so it must be letters, digits and '_' only, not '{name}'", display);
                continue;
            }

            if (!InputWalk.IsInsideInput(context, file) || InputText.Read(file, display, context.Diagnostics) is not { } text)
            {
                continue;
            }

            if (YamlMap.ParseDocument(text, display, 0, context.Diagnostics, "the data file") is { } root)
            {
                data[name] = ValueOf(root, display, context.Diagnostics, 0);
            }
        }

        return data;
    }

    private static object? ValueOf(YamlNode node, string path, DiagnosticBag diagnostics, int depth)
    {
        if (depth > MaxDepth)
        {
            diagnostics.Error(Codes.YamlSyntax, $"the data file nests more than {MaxDepth} levels deep here", path, (int)node.Start.Line, (int)node.Start.Column);
            return null;
        }

        switch (node)
        {
            case YamlMappingNode map:
                var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    entries[(key as YamlScalarNode)?.Value ?? ""] = ValueOf(value, path, diagnostics, depth + 1);
                }

                return entries;
            case YamlSequenceNode list:
                return list.Children.Select(item => ValueOf(item, path, diagnostics, depth + 1)).ToList();
            case YamlScalarNode { Style: ScalarStyle.Plain } plain:
                // Unquoted words mean what YAML says they mean, so `show: false` is false in a layout's {% if %}.
                return plain.Value switch
                {
                    null or "" or "~" or "null" => null,
                    "true" => true,
                    "false" => false,
                    // Only a number that reads back the same: a phone number such as 0800 or 01234 stays text.
                    var text when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                        && number.ToString(CultureInfo.InvariantCulture) == text => number,
                    var text => text,
                };
            case YamlScalarNode quoted:
                return quoted.Value ?? "";
            default:
                return null;
        }
    }
}
