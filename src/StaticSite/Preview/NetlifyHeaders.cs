using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace StaticSite.Preview;

/// <summary>One <c>[[headers]]</c> table of netlify.toml: a <c>for</c> path pattern and the headers it sets.</summary>
public sealed record HeaderRule(string For, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    private readonly Regex _pattern = PatternFor(For);

    public bool Matches(string sitePath) => _pattern.IsMatch(sitePath);

    /// <summary>
    /// The <c>for</c> pattern as Netlify's own header parser reads it: split at <c>/</c>, a
    /// <c>:name</c> segment is one segment, a lone <c>*</c> is anything (the segment itself
    /// optional), a <c>*</c> inside a segment is anything too; a trailing slash is optional and
    /// case does not matter.
    /// </summary>
    private static Regex PatternFor(string forPath)
    {
        var parts = forPath.Trim().Split('/')
            .Select(p => p.TrimEnd())
            .Where(p => p.Length > 0)
            .Select(p => p.StartsWith(':') ? "([^/]+)"
                : p == "*" ? "?(.*)"
                : string.Join("(.*)", p.Split('*').Select(Regex.Escape)));
        return new Regex($"^/{string.Join('/', parts)}/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}

/// <summary>
/// The response headers netlify.toml gives production, so that the preview sends them too and a
/// Content-Security-Policy problem shows while writing, not after a deploy.
/// </summary>
public sealed class NetlifyHeaders(IReadOnlyList<HeaderRule> rules)
{
    public const string FileName = "netlify.toml";

    public static NetlifyHeaders None { get; } = new([]);

    public IReadOnlyList<HeaderRule> Rules => rules;

    /// <summary>The same headers on every path: for tests that serve a site with one policy.</summary>
    public static NetlifyHeaders Everywhere(IReadOnlyDictionary<string, string> headers) =>
        headers.Count == 0 ? None : new([new HeaderRule("/*", [.. headers])]);

    /// <summary>Reads netlify.toml; a missing file gives no headers, a broken one throws <see cref="FormatException"/> naming the problem.</summary>
    public static NetlifyHeaders Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : None;

    public static NetlifyHeaders Parse(string toml, string sourceName = FileName)
    {
        TomlTable config;
        try
        {
            config = TomlSerializer.Deserialize(toml, NetlifyToml.Default.TomlTable) ?? new TomlTable();
        }
        catch (Exception e) when (e is TomlException or InvalidOperationException)
        {
            throw new FormatException($"{sourceName}: {e.Message}", e);
        }

        if (!config.TryGetValue("headers", out var headers))
        {
            return None;
        }

        if (headers is not TomlTableArray tables)
        {
            throw new FormatException($"{sourceName}: 'headers' must be an array of tables ([[headers]])");
        }

        var rules = new List<HeaderRule>();
        foreach (var table in tables)
        {
            if (!table.TryGetValue("for", out var forValue) || forValue is not string forPath)
            {
                throw new FormatException($"{sourceName}: each [[headers]] needs a 'for' path");
            }

            if (!table.TryGetValue("values", out var valuesValue) || valuesValue is not TomlTable values)
            {
                continue; // Netlify skips a rule with no values
            }

            rules.Add(new HeaderRule(forPath, [.. values.Select(v => KeyValuePair.Create(v.Key.Trim(), ValueOf(v.Key, v.Value, sourceName)))]));
        }

        return new NetlifyHeaders(rules);
    }

    /// <summary>
    /// The headers for one path of the site (from its root, whatever base path it is served
    /// under). Every matching rule applies, in file order; a later rule's value for a header
    /// replaces an earlier one's, as on Netlify.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> For(string sitePath)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var rule in rules.Where(r => r.Matches(sitePath)))
        {
            foreach (var (name, value) in rule.Values)
            {
                if (!headers.ContainsKey(name))
                {
                    order.Add(name);
                }

                headers[name] = value;
            }
        }

        return [.. order.Select(name => KeyValuePair.Create(name, headers[name]))];
    }

    /// <summary>A string value, with Netlify's tidying of comma lists written over several lines; an array is joined with ", ".</summary>
    private static string ValueOf(string name, object value, string sourceName) => value switch
    {
        string text => string.Join(", ", Regex.Split(text.Trim(), @"\s*,\s*")),
        TomlArray items when items.All(i => i is string) => string.Join(", ", items.Cast<string>().Select(i => i.Trim())),
        _ => throw new FormatException($"{sourceName}: header '{name}' must be a string or a list of strings"),
    };
}

/// <summary>
/// netlify.toml read into Tomlyn's table model by code made at compile time: the published
/// program is compiled ahead of time, where Tomlyn's reflection is switched off.
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class NetlifyToml : TomlSerializerContext;
