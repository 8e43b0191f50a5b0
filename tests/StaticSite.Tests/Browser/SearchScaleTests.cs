using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticSite.Preview;
using StaticSite.Tests.Search;
using StaticSite.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace StaticSite.Tests.Browser;

/// <summary>
/// A site of 10,000 short articles, made up from a fixed word list and built once (in-process,
/// with the real theme), then served. Words are drawn unevenly, as in real text: a few are on
/// nearly every page, most on a few.
/// </summary>
public sealed class TenThousandPageSite : IAsyncLifetime
{
    public const int Pages = 10_000;

    private static readonly string[] Parts = ["calf", "knee", "shin", "ankle", "hip", "thigh", "heel", "foot", "hamstring", "groin", "achilles", "soleus"];
    private static readonly string[] Problems = ["strain", "sprain", "pain", "tendinopathy", "fracture", "bursitis", "cramp", "stiffness", "swelling", "bruise", "tear", "syndrome"];

    private static readonly string[] Vocabulary = BuildVocabulary();

    private readonly TempDir _temp = new();

    public BuildResult Result { get; private set; } = null!;

    public StaticFileServer? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return;
        }

        await Task.Run(Build);
        Assert.True(Result.Succeeded, string.Join('\n', Result.Errors.Take(10)));
        Server = StaticFileServer.Start(_temp.Combine("_site"), "/");
    }

    private void Build()
    {
        TempDir.Copy(Path.Combine(Repo.Fixtures, "base"), _temp.Path);
        TempDir.Copy(Repo.Theme, _temp.Combine("theme"));
        Parallel.For(0, Pages, i =>
        {
            // One Random per page, seeded by its number: the same site whatever the threads do.
            var own = new Random(20261130 + i);
            _temp.Write($"input/library/page-{i:D5}.md", Page(i, own));
        });
        Result = Site.Build(new BuildOptions { SiteRoot = _temp.Path, Today = new DateOnly(2026, 11, 23) });
    }

    private static string Page(int i, Random random)
    {
        var part = Parts[random.Next(Parts.Length)];
        var problem = Problems[random.Next(Problems.Length)];
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < 2; paragraph++)
        {
            body.Append("## ").Append(Capitalised(Word(random))).Append(' ').Append(Word(random)).Append("\n\n");
            for (var sentence = 0; sentence < 4; sentence++)
            {
                var words = Enumerable.Range(0, 10).Select(_ => Word(random)).ToList();
                body.Append(Capitalised(string.Join(' ', words))).Append(". ");
            }

            body.Append("\n\n");
        }

        return $"""
            ---
            title: {Capitalised(part)} {problem} note {i.ToString(CultureInfo.InvariantCulture)}
            description: {Capitalised(string.Join(' ', Enumerable.Range(0, 12).Select(_ => Word(random))))}.
            layout: page
            ---

            {body}
            """;
    }

    /// <summary>A word drawn so that the first words of the list are far more common than the last (roughly Zipf's law).</summary>
    private static string Word(Random random) => Vocabulary[(int)(Math.Pow(random.NextDouble(), 3) * Vocabulary.Length)];

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Parts and problems, a few hundred everyday words, then made-up rare ones.</summary>
    private static string[] BuildVocabulary()
    {
        var common = """
            pain run running rest ice walk muscle tendon bone joint swelling stretch exercise doctor
            physiotherapist week day strength gentle slowly heat treatment injury runners training
            shoes hurt sore tight stiff morning night sleep weight load hill speed distance warm
            cool recovery return sport walking cycling swimming pressure support tape brace crutches
            scan x-ray blood clot nerve numb tingling weak sudden sharp dull ache aching burning
            """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var syllables = new[] { "ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze", "bo", "da", "fi", "gu", "he" };
        var rare = new List<string>();
        for (var a = 0; a < syllables.Length; a++)
        {
            for (var b = 0; b < syllables.Length; b++)
            {
                for (var c = 0; c < syllables.Length; c += 3)
                {
                    rare.Add(syllables[a] + syllables[b] + syllables[c] + "n");
                }
            }
        }

        return [.. Parts, .. Problems, .. common, .. rare];
    }

    public async Task DisposeAsync()
    {
        Server?.Dispose();
        _temp.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>At 10,000 pages, a query in Chromium fetches at most five index files, never the whole index.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchScaleTests(BrowserFixture browser, TenThousandPageSite site) : IClassFixture<TenThousandPageSite>
{
    [BrowserTheory]
    [InlineData("calf strain")]
    [InlineData("swelling")]
    [InlineData("tingling ache")]
    [InlineData("kalokan")]
    [InlineData("hehefin")]
    public async Task A_query_at_10000_pages_fetches_at_most_five_files(string query)
    {
        var index = IndexReader.Of(site.Result);
        var expected = index.Query(query).Count;
        Assert.True(expected > 0, $"'{query}' should find pages in the generated site");

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var fetched = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/search/index/", StringComparison.Ordinal))
            {
                fetched.Add(request.Url);
            }
        };
        await page.GotoAsync(site.Server!.RootUrl + "search/");
        Assert.Empty(fetched);

        await page.Locator("#search__q").FillAsync(query);
        await page.Locator("#search__q").PressAsync("Enter");

        var heading = page.Locator("#search__results h2");
        await Expect(heading).ToHaveTextAsync(new Regex("results? for"));
        await Expect(page.Locator("#search__results li").First).ToBeVisibleAsync();
        var count = int.Parse((await heading.TextContentAsync())!.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(expected, count);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(fetched.Count <= 5, $"'{query}' fetched {fetched.Count} files: {string.Join(", ", fetched)}");
        var shown = await page.Locator("#search__results li").CountAsync();
        Assert.True(shown >= Math.Min(expected, 3), $"'{query}' showed {shown} of {expected} results");
    }
}
