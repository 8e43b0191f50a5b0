namespace StaticSite.Content;

/// <summary>
/// The <c>_defaults.yml</c> files of <c>input/</c>, read once before the pages, each folder's merged
/// with those of the folders above it (the nearer file wins). A page then takes what it does not
/// set itself in one lookup by its folder: nothing is read or merged per page.
/// </summary>
public sealed class DirectoryDefaults
{
    private readonly IReadOnlyDictionary<string, FrontMatter> _byFolder;

    private DirectoryDefaults(IReadOnlyDictionary<string, FrontMatter> byFolder) => _byFolder = byFolder;

    public static DirectoryDefaults None { get; } = new(new Dictionary<string, FrontMatter>());

    /// <param name="folders">The folders that hold pages, relative to input/ with '/' ("" for input/ itself).</param>
    public static DirectoryDefaults Load(BuildContext context, IEnumerable<string> folders)
    {
        // Every folder a page sits in and every folder above it, shallowest first, so each
        // folder's parent is merged before the folder itself.
        var all = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var folder in folders)
        {
            for (var f = folder; f.Length > 0; f = ParentOf(f))
            {
                all.Add(f);
            }
        }

        var own = new Dictionary<string, FrontMatter>(StringComparer.Ordinal);
        foreach (var folder in all)
        {
            if (Read(context, folder) is { } defaults)
            {
                own[folder] = defaults;
            }
        }

        if (own.Count == 0)
        {
            return None;
        }

        var effective = new Dictionary<string, FrontMatter>(StringComparer.Ordinal);
        foreach (var folder in all.OrderBy(f => f.Length == 0 ? 0 : f.Count(c => c == '/') + 1))
        {
            var inherited = folder.Length == 0 ? null : effective.GetValueOrDefault(ParentOf(folder));
            var merged = own.TryGetValue(folder, out var mine)
                ? inherited is null ? mine : mine.WithDefaults(inherited)
                : inherited;
            if (merged is not null)
            {
                effective[folder] = merged;
            }
        }

        return new DirectoryDefaults(effective);
    }

    /// <summary>A page's front matter with its folders' defaults under it.</summary>
    public FrontMatter Apply(string folder, FrontMatter meta) =>
        _byFolder.TryGetValue(folder, out var defaults) ? meta.WithDefaults(defaults) : meta;

    private static string ParentOf(string folder)
    {
        var slash = folder.LastIndexOf('/');
        return slash < 0 ? "" : folder[..slash];
    }

    private static FrontMatter? Read(BuildContext context, string folder)
    {
        var file = Path.Combine(context.InputDir, folder, FrontMatter.DefaultsFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var display = context.Display(file);
        return InputWalk.IsInsideInput(context, file) && InputText.Read(file, display, context.Diagnostics) is { } text
            ? FrontMatter.ParseDefaults(text, display, context.Diagnostics, context.Config.Taxonomies)
            : null;
    }
}
