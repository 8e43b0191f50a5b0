using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using StaticSite.Content;
using StaticSite.Diagnostics;
using StaticSite.Resolve;

namespace StaticSite.Templates;

/// <summary>
/// Liquid layouts and partials from <c>theme/</c>, parsed once per build. A layout may name a
/// parent in front matter (<c>layout: base</c>); the child renders first and the parent receives
/// its output as <c>content</c>, as in Jekyll. Partials are <c>{% include 'name' %}</c> from
/// <c>theme/partials/</c>.
/// </summary>
public sealed class ThemeTemplates
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    // Keep non-ASCII text (’, –) as characters: readable output, and smaller.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, (IFluidTemplate Template, string? Parent, string Path)> _layouts = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    private ThemeTemplates(TemplateOptions options) => _options = options;

    public IReadOnlySet<string> LayoutNames => _layouts.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The theme's layout names from its folder alone, so pages can be read while the layouts are parsed.</summary>
    public static IReadOnlySet<string> LayoutNamesIn(string themeDir)
    {
        var layoutDir = Path.Combine(themeDir, "layouts");
        return Directory.Exists(layoutDir)
            ? Directory.EnumerateFiles(layoutDir, "*.liquid").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    public static ThemeTemplates Load(BuildContext context)
    {
        var diagnostics = context.Diagnostics;
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        var partialDir = Path.Combine(context.ThemeDir, "partials");
        if (Directory.Exists(partialDir))
        {
            foreach (var file in Directory.EnumerateFiles(partialDir, "*.liquid").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                partials[Path.GetFileName(file)] = text;
                if (!Parser.TryParse(text, out _, out var error))
                {
                    diagnostics.Error(Codes.Template, $"partial does not parse: {error}", context.Display(file));
                }
            }
        }

        var options = new TemplateOptions
        {
            FileProvider = new MemoryFileProvider(partials),
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        };
        var templates = new ThemeTemplates(options);

        var layoutDir = Path.Combine(context.ThemeDir, "layouts");
        if (!Directory.Exists(layoutDir))
        {
            diagnostics.Error(Codes.Template, "theme has no layouts folder", context.Display(layoutDir));
            return templates;
        }

        foreach (var file in Directory.EnumerateFiles(layoutDir, "*.liquid").Order(StringComparer.Ordinal))
        {
            var display = context.Display(file);
            var (yaml, body, _) = FrontMatter.Split(File.ReadAllText(file));
            string? parent = null;
            if (yaml is not null)
            {
                var node = YamlMap.Parse(yaml, display, 1, diagnostics, "layout front matter");
                if (node is not null)
                {
                    var map = new YamlMap(node, display, 1, diagnostics);
                    parent = map.String("layout");
                    map.ReportUnknownKeys("layout front matter", ["layout"]);
                }
            }

            if (!Parser.TryParse(body, out var template, out var error))
            {
                diagnostics.Error(Codes.Template, $"layout does not parse: {error}", display);
                continue;
            }

            templates._layouts[Path.GetFileNameWithoutExtension(file)] = (template, parent, display);
        }

        foreach (var (name, (_, parent, path)) in templates._layouts)
        {
            if (parent is not null && !templates._layouts.ContainsKey(parent))
            {
                diagnostics.Error(Codes.Template, $"layout '{name}' names parent layout '{parent}', which does not exist", path);
            }
        }

        return templates;
    }

    /// <summary>
    /// Renders a page through its layout and each parent layout in turn, each into the buffer its
    /// child did not write (see <see cref="PageBuffers"/>). The page is valid until the buffers are used again.
    /// </summary>
    public ReadOnlyMemory<char> Render(string layout, SiteView site, PageView page, MarkupValue content, PageBuffers buffers)
    {
        buffers.Restart();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        MarkupBuffer? output = null;
        var current = layout;
        while (_layouts.TryGetValue(current, out var entry))
        {
            if (!seen.Add(current))
            {
                throw new InvalidOperationException($"layout '{current}' is its own ancestor");
            }

            var scope = new TemplateContext(_options);
            scope.SetValue("site", site);
            scope.SetValue("page", page);
            scope.SetValue("content", content);
            output = buffers.Next();
            // Every value the views give is at hand, and the output is memory: the render is synchronous.
            var rendering = entry.Template.RenderAsync(output, scope, Encoder, isolateContext: true);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }

            if (entry.Parent is null)
            {
                break;
            }

            content = MarkupValue.FromChars(output.Written);
            current = entry.Parent;
        }

        if (output is null)
        {
            output = buffers.Next();
            content.WriteTo(output);
        }

        return output.Written;
    }

    /// <summary>Partials held in memory: read once, no file watching, no surprises mid-build.</summary>
    private sealed class MemoryFileProvider(IReadOnlyDictionary<string, string> files) : IFileProvider
    {
        public IFileInfo GetFileInfo(string subpath) =>
            files.TryGetValue(subpath.TrimStart('/'), out var text) ? new MemoryFile(subpath, text) : new NotFoundFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);
        public bool Exists => true;
        public long Length => _bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
