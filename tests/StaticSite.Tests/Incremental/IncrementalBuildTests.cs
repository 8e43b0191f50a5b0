using StaticSite.Diagnostics;
using StaticSite.Incremental;
using StaticSite.Tests.Support;

namespace StaticSite.Tests.Incremental;

/// <summary>
/// An incremental build gives byte for byte what a cold build of the same input gives, whatever
/// kind of file changed. Each test keeps one <see cref="BuildSession"/> over a copy of the real
/// site, changes the copy, rebuilds through the session, and compares every output file and every
/// diagnostic with a cold build of a fresh copy of the changed input. It then puts the files back,
/// rebuilds again, and compares with a cold build and with the untouched site. A failed build must
/// leave the last good output as it was.
/// </summary>
public sealed class IncrementalBuildTests : IClassFixture<OriginalSiteBuild>, IDisposable
{
    private const string CalfStrain = "input/leg-and-knee/calf-strain.md";
    private const string LegCramps = "input/leg-and-knee/leg-cramps.md";
    private const string CalfDiagram = "input/leg-and-knee/calf-muscles.svg";
    private const string KneeDiagram = "input/leg-and-knee/knee-ligaments.svg";

    private readonly TempDir _site = new();
    private readonly ColdBuild _original;
    private readonly BuildSession _session;
    private readonly BuildResult _first;

    /// <summary>Files (relative to the site root) a test has changed, added, moved or deleted: what an undo puts back.</summary>
    private readonly SortedSet<string> _touched = new(StringComparer.Ordinal);

    public IncrementalBuildTests(OriginalSiteBuild original)
    {
        _original = original.Build;
        Assert.True(_original.Result.Succeeded, "the real site must build: " + string.Join('\n', _original.Result.Errors));
        TempDir.Copy(Repo.Input, _site.Combine("input"));
        TempDir.Copy(Repo.Theme, _site.Combine("theme"));
        _session = new BuildSession(ColdBuild.Options(_site.Path));
        _first = _session.Build([]);
        AssertSucceeded(_first);
    }

    private string Output => _site.Combine("_site");

    public void Dispose() => _site.Dispose();

    // ---- No change ----

    [Fact]
    public void The_first_build_and_a_build_with_nothing_changed_are_the_cold_build()
    {
        AssertSameAsOriginal(_first);
        AssertSameAsOriginal(Rebuild([]));
        AssertSameAsColdBuild(_session, Rebuild([]));
    }

    [Fact]
    public void A_file_named_as_changed_whose_bytes_did_not_change_gives_the_same_site()
    {
        var path = Full(CalfStrain);
        File.WriteAllBytes(path, File.ReadAllBytes(path));

        AssertSameAsOriginal(Rebuild([path, Full("theme/assets/site.css"), Full("input/site.yml")]));
    }

    // ---- Articles and other pages ----

    [Theory]
    [InlineData(CalfStrain, "But a cramp usually passes within 10 minutes.", "But a cramp usually passes within a few minutes.", "leg-and-knee/calf-strain/index.html", "within a few minutes")]
    [InlineData("input/leg-and-knee/index.md", "---\n\n", "---\n\nStart with where it hurts.\n\n", "leg-and-knee/index.html", "Start with where it hurts.")]
    [InlineData("input/index.md", "---\n\n", "---\n\nWelcome to the site.\n\n", "index.html", "Welcome to the site.")]
    [InlineData("input/glossary.md", "---\n\n", "---\n\nEach word is explained once.\n\n", "glossary/index.html", "Each word is explained once.")]
    public void A_page_body_edit(string file, string find, string replace, string page, string shown)
    {
        var changed = Edit(file, find, replace);

        var result = Rebuild(changed);

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains(shown, PageText(page), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void An_article_title_and_description_edit_reaches_the_hub_the_a_to_z_and_related_pages()
    {
        var changed = Edit(CalfStrain, "title: Calf strain\n", "title: Calf muscle strain\n");
        Edit(CalfStrain, "description: A calf strain is a tear", "description: A calf muscle strain is a small or large tear");

        var result = Rebuild(changed);

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains("Calf muscle strain", PageText("leg-and-knee/index.html"), StringComparison.Ordinal);
        Assert.Contains("A calf muscle strain is a small or large tear", PageText("leg-and-knee/index.html"), StringComparison.Ordinal);
        Assert.Contains("Calf muscle strain", PageText("leg-and-knee/sciatica/index.html"), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
    }

    [Theory]
    [InlineData("area: calf\n", "area: shin\n")]
    [InlineData("related: [soleus-pain-when-running.md, deep-vein-thrombosis.md, ", "related: [")]
    [InlineData("reviewed: 2026-11-30\nnext_review: 2027-11-30\n", "reviewed: 2025-10-01\nnext_review: 2026-10-01\n")]
    public void An_article_front_matter_edit(string find, string replace)
    {
        var result = Rebuild(Edit(CalfStrain, find, replace));

        AssertSameAsColdBuild(_session, result);
        AssertDiffersFromOriginal(result);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_new_article_appears_on_the_hub_the_a_to_z_and_in_search_and_goes_again()
    {
        var added = Write("input/leg-and-knee/heel-bruise.md", """
            ---
            title: Heel bruise
            description: A heel bruise is a sore spot under the heel after landing hard. Find out what helps and when to see a GP.
            condition: Heel bruise
            area: ankle
            reviewed: 2026-11-01
            next_review: 2027-11-01
            related: [ankle-sprain.md]
            sources:
              - title: "Sprains and strains"
                publisher: "NHS"
                url: "https://www.nhs.uk/conditions/sprains-and-strains/"
            ---

            A heel bruise can happen when you land hard on your heel. Running on cobblestones can cause it too.

            ## What to do

            Rest your foot for a few days. Wear soft shoes. Read about [ankle sprains](ankle-sprain.md) too.

            ## When to see a GP

            See a GP if the pain does not get better in 2 weeks.
            """);

        var result = Rebuild(added);

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.True(File.Exists(Path.Combine(Output, "leg-and-knee/heel-bruise/index.html")));
        Assert.Contains("Heel bruise", PageText("leg-and-knee/index.html"), StringComparison.Ordinal);
        Assert.Contains("Heel bruise", PageText("conditions-a-z/index.html"), StringComparison.Ordinal);
        Assert.Contains("\"Heel bruise\"", PageText("search/index/d/0.json"), StringComparison.Ordinal);
        Assert.Contains("\"cobblestone\"", PageText("search/index/t/c.json"), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
        Assert.False(File.Exists(Path.Combine(Output, "leg-and-knee/heel-bruise/index.html")));
    }

    [Fact]
    public void Deleting_an_article_other_pages_link_to_fails_with_broken_links_and_keeps_the_old_site_and_its_undo_mends_it()
    {
        var before = OutputSnapshot.Of(Output);

        var result = Rebuild(Delete(LegCramps));

        AssertFailed(result, Codes.BrokenLink);
        AssertSameAsColdBuild(_session, result);
        AssertSameOutput(before, OutputSnapshot.Of(Output), "before the failed build", "after it");
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void Renaming_an_article_breaks_the_links_to_its_old_name_and_renaming_it_back_mends_them()
    {
        var before = OutputSnapshot.Of(Output);

        var result = Rebuild(Move(CalfStrain, "input/leg-and-knee/calf-muscle-strain.md"));

        AssertFailed(result, Codes.BrokenLink);
        Assert.Contains(result.Errors, d => d.Code == Codes.BrokenRelated && d.Message.Contains("calf-strain.md", StringComparison.Ordinal));
        AssertSameAsColdBuild(_session, result);
        AssertSameOutput(before, OutputSnapshot.Of(Output), "before the failed build", "after it");

        // Another edit while the site is still broken: the errors stay, as a cold build's would.
        var stillBroken = Rebuild(Edit(LegCramps, "title: Leg cramps\n", "title: Leg cramp\n"));
        AssertFailed(stillBroken, Codes.BrokenLink);
        AssertSameAsColdBuild(_session, stillBroken);
        AssertSameOutput(before, OutputSnapshot.Of(Output), "before the failed builds", "after them");

        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void Making_an_article_a_draft_leaves_it_out_and_breaks_the_links_to_it()
    {
        var result = Rebuild(Edit(LegCramps, "title: Leg cramps\n", "title: Leg cramps\ndraft: true\n"));

        AssertFailed(result, Codes.BrokenRelated);
        AssertSameAsColdBuild(_session, result);
        AssertUndoGivesTheOriginal();
    }

    // ---- Theme: layouts, partials and assets ----

    [Theory]
    [InlineData("theme/layouts/article.liquid", "<div class=\"article__body\">", "<div class=\"article__body\" data-edited=\"yes\">", "leg-and-knee/calf-strain/index.html", "data-edited=\"yes\"")]
    [InlineData("theme/layouts/base.liquid", "gives general information", "gives general, plain-English information", "glossary/index.html", "gives general, plain-English information")]
    [InlineData("theme/layouts/hub.liquid", "<div class=\"hub__intro\">", "<div class=\"hub__intro\" data-edited=\"yes\">", "leg-and-knee/index.html", "data-edited=\"yes\"")]
    [InlineData("theme/partials/review.liquid", "Page last reviewed:", "Last checked:", "leg-and-knee/calf-strain/index.html", "Last checked:")]
    [InlineData("theme/partials/related.liquid", "<h2 id=\"page-related-heading\">Related pages</h2>", "<h2 id=\"page-related-heading\">See also</h2>", "leg-and-knee/sciatica/index.html", "See also")]
    public void A_layout_or_partial_edit(string file, string find, string replace, string page, string shown)
    {
        var result = Rebuild(Edit(file, find, replace));

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains(shown, File.ReadAllText(Path.Combine(Output, page)), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_partial_that_no_longer_parses_fails_the_build_and_its_undo_mends_it()
    {
        var before = OutputSnapshot.Of(Output);

        var result = Rebuild(Edit("theme/partials/review.liquid", "{% if page.history %}", "{% if page.history "));

        AssertFailed(result, Codes.Template);
        AssertSameAsColdBuild(_session, result);
        AssertSameOutput(before, OutputSnapshot.Of(Output), "before the failed build", "after it");
        AssertUndoGivesTheOriginal();
    }

    [Theory]
    [InlineData("theme/assets/site.css", "--link: #004b87;", "--link: #004b88;")]
    [InlineData("theme/assets/site.js", "'use strict';", "'use strict'; // edited")]
    [InlineData("theme/assets/favicon.svg", "rx=\"6\"", "rx=\"8\"")]
    [InlineData("theme/assets/origin.css.liquid", ":root {", ":root  {")]
    public void An_asset_edit_changes_its_fingerprinted_name_and_every_page_that_links_it(string file, string find, string replace)
    {
        var stem = Path.GetFileName(file).Split('.')[0];
        var namesBefore = AssetNames(stem);

        var result = Rebuild(Edit(file, find, replace));

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.NotEqual(namesBefore, AssetNames(stem));
        AssertUndoGivesTheOriginal();
        Assert.Equal(namesBefore, AssetNames(stem));
    }

    // ---- Site settings, glossary, data and defaults ----

    [Theory]
    [InlineData("name: Leg and Knee\n", "name: Knee and Leg\n")]
    [InlineData("base_path: /\n", "base_path: /guide/\n")]
    [InlineData("url: https://leg-and-knee.netlify.app\n", "url: https://example.org\n")]
    [InlineData("areas: [hip, thigh, knee, shin, calf, ankle]", "areas: [ankle, calf, shin, knee, thigh, hip]")]
    [InlineData("  - title: Glossary\n    page: glossary.md\n", "")]
    [InlineData("min_reading_ease: 70", "min_reading_ease: 95")]
    [InlineData("max_sentence_words: 25", "max_sentence_words: 12")]
    public void A_site_yml_edit(string find, string replace)
    {
        var result = Rebuild(Edit("input/site.yml", find, replace));

        AssertSameAsColdBuild(_session, result);
        AssertDiffersFromOriginal(result);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_site_yml_that_no_longer_parses_fails_and_its_undo_mends_it()
    {
        var result = Rebuild(Edit("input/site.yml", "areas: [hip,", "areas: [hip,,: {"));

        AssertFailed(result, Codes.YamlSyntax);
        AssertSameAsColdBuild(_session, result);
        AssertUndoGivesTheOriginal();
    }

    [Theory]
    [InlineData("definition: The thick cord at the back of your ankle.", "definition: The strong cord at the back of your ankle.")]
    [InlineData("  - term: fascia\n", "  - term: kneecap\n    definition: The small round bone at the front of your knee.\n  - term: fascia\n")]
    [InlineData("  - term: DVT\n", "  - term: dvt\n")]
    public void A_glossary_edit(string find, string replace)
    {
        var result = Rebuild(Edit("input/glossary.yml", find, replace));

        AssertSameAsColdBuild(_session, result);
        AssertDiffersFromOriginal(result);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_data_file_edit_reaches_the_foot_of_every_page()
    {
        var result = Rebuild(Edit("input/_data/help.yml", "For urgent advice, call NHS 111.", "For urgent advice, call NHS 111 or use NHS 111 online."));

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains("NHS 111 online", PageText("leg-and-knee/calf-strain/index.html"), StringComparison.Ordinal);
        Assert.Contains("NHS 111 online", PageText("conditions-a-z/index.html"), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_new_data_file_with_a_name_layouts_cannot_use_fails_and_renamed_it_builds()
    {
        var badName = Rebuild(Write("input/_data/extra-notes.yml", "note: Not used by any layout yet.\n"));
        AssertFailed(badName, Codes.Config);
        AssertSameAsColdBuild(_session, badName);

        var renamed = Rebuild(Move("input/_data/extra-notes.yml", "input/_data/extra_notes.yml"));
        AssertSucceeded(renamed);
        AssertSameAsColdBuild(_session, renamed);

        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_folder_defaults_file_added_edited_and_removed()
    {
        const string Defaults = "input/leg-and-knee/_defaults.yml";

        var added = Rebuild(Write(Defaults, "history: Written for Leg and Knee.\n"));
        AssertSucceeded(added);
        AssertSameAsColdBuild(_session, added);
        Assert.Contains("Written for Leg and Knee.", PageText("leg-and-knee/calf-strain/index.html"), StringComparison.Ordinal);

        var edited = Rebuild(Edit(Defaults, "Written for", "Checked by"));
        AssertSucceeded(edited);
        AssertSameAsColdBuild(_session, edited);
        Assert.Contains("Checked by Leg and Knee.", PageText("leg-and-knee/leg-cramps/index.html"), StringComparison.Ordinal);

        var broken = Rebuild(Edit(Defaults, "history:", "title: Not allowed here\nhistory:"));
        AssertFailed(broken, Codes.UnknownKey);
        AssertSameAsColdBuild(_session, broken);

        AssertUndoGivesTheOriginal();
    }

    // ---- Static files ----

    [Fact]
    public void A_diagram_replaced_by_one_of_another_size_changes_the_width_and_height_on_its_page()
    {
        const string Page = "leg-and-knee/soleus-pain-when-running/index.html";
        Assert.Contains("width=\"500\" height=\"590\"", PageText(Page), StringComparison.Ordinal);

        var result = Rebuild(Write(CalfDiagram, Diagram(400, 300, "calf-title", "The calf muscles, drawn smaller")));

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains("width=\"400\" height=\"300\"", PageText(Page), StringComparison.Ordinal);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void A_new_static_file_is_published_and_goes_again_when_deleted()
    {
        const string Added = "input/leg-and-knee/heel.svg";

        var result = Rebuild(Write(Added, Diagram(200, 100, "heel-title", "The heel")));

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.True(File.Exists(Path.Combine(Output, "leg-and-knee/heel.svg")));
        AssertUndoGivesTheOriginal();
        Assert.False(File.Exists(Path.Combine(Output, "leg-and-knee/heel.svg")));
    }

    [Fact]
    public void Deleting_a_diagram_a_page_shows_fails_and_keeps_the_old_site_and_its_undo_mends_it()
    {
        var before = OutputSnapshot.Of(Output);

        var result = Rebuild(Delete(KneeDiagram));

        AssertFailed(result, Codes.BrokenLink);
        AssertSameAsColdBuild(_session, result);
        AssertSameOutput(before, OutputSnapshot.Of(Output), "before the failed build", "after it");
        AssertUndoGivesTheOriginal();
    }

    // ---- Changes the session is not told of, and several at once ----

    [Fact]
    public void An_edit_the_session_is_not_told_of_is_found_by_its_length_and_time()
    {
        var path = Edit(CalfStrain, "But a cramp usually passes within 10 minutes.", "But a cramp usually passes within a few minutes.").Single();
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

        var result = Rebuild([]);

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        Assert.Contains("within a few minutes", PageText("leg-and-knee/calf-strain/index.html"), StringComparison.Ordinal);

        var undone = UndoAll();
        foreach (var file in undone.Where(File.Exists))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(10));
        }

        AssertSameAsOriginal(Rebuild([]));
    }

    [Fact]
    public void Files_added_and_deleted_without_telling_the_session_are_found()
    {
        Write("input/leg-and-knee/heel.svg", Diagram(200, 100, "heel-title", "The heel"));
        Edit("theme/partials/review.liquid", "Page last reviewed:", "Last checked:");

        var added = Rebuild([]);
        AssertSucceeded(added);
        AssertSameAsColdBuild(_session, added);
        Assert.True(File.Exists(Path.Combine(Output, "leg-and-knee/heel.svg")));

        Delete(LegCramps);
        var deleted = Rebuild([]);
        AssertFailed(deleted, Codes.BrokenLink);
        AssertSameAsColdBuild(_session, deleted);

        UndoAll();
        AssertSameAsOriginal(Rebuild([]));
    }

    [Fact]
    public void Several_changes_of_every_kind_in_one_call()
    {
        string[] changed =
        [
            .. Edit(CalfStrain, "title: Calf strain\n", "title: Calf muscle strain\n"),
            .. Edit(LegCramps, "area: calf\n", "area: shin\n"),
            .. Edit("theme/partials/review.liquid", "Page last reviewed:", "Last checked:"),
            .. Edit("theme/assets/site.css", "--link: #004b87;", "--link: #004b88;"),
            .. Edit("input/site.yml", "name: Leg and Knee\n", "name: Knee and Leg\n"),
            .. Edit("input/glossary.yml", "definition: The thick cord at the back of your ankle.", "definition: The strong cord at the back of your ankle."),
            .. Edit("input/_data/help.yml", "For urgent advice, call NHS 111.", "For urgent advice, call NHS 111 or use NHS 111 online."),
            .. Write(CalfDiagram, Diagram(400, 300, "calf-title", "The calf muscles, drawn smaller")),
            .. Write("input/leg-and-knee/_defaults.yml", "history: Written for Leg and Knee.\n"),
        ];

        var result = Rebuild(changed);

        AssertSucceeded(result);
        AssertSameAsColdBuild(_session, result);
        AssertUndoGivesTheOriginal();
    }

    [Fact]
    public void The_same_file_edited_again_and_again()
    {
        foreach (var minutes in new[] { "a few", "15", "10 or so" })
        {
            var result = Rebuild(Edit(CalfStrain, "But a cramp usually passes within ", $"But a cramp usually passes within {minutes} minutes, not "));
            AssertSucceeded(result);
            AssertSameAsColdBuild(_session, result);
        }

        AssertUndoGivesTheOriginal();
    }

    // ---- Assertions ----

    /// <summary>
    /// The session's last build gave what a cold build of a copy of the same input gives: the same
    /// outcome and diagnostics, and, when it succeeded, the same files with the same bytes.
    /// </summary>
    private static void AssertSameAsColdBuild(BuildSession session, BuildResult result)
    {
        var cold = ColdBuild.Of(session.Options.SiteRoot);
        AssertSameResult(cold.Result, result, "cold build", "incremental build");
        if (cold.Result.Succeeded)
        {
            AssertSameOutput(cold.Output, OutputSnapshot.Of(session.Options.ResolvedOutput), "cold build", "incremental build");
        }
    }

    /// <summary>The build gave what the untouched real site gives.</summary>
    private void AssertSameAsOriginal(BuildResult result)
    {
        AssertSameResult(_original.Result, result, "untouched site's build", "incremental build");
        AssertSameOutput(_original.Output, OutputSnapshot.Of(Output), "untouched site's build", "incremental build");
    }

    /// <summary>
    /// Puts every changed file back as the repository has it, rebuilds, and checks the site is as
    /// it was: the input is the untouched site's again, so its cold build is the one to match.
    /// </summary>
    private void AssertUndoGivesTheOriginal()
    {
        var result = Rebuild(UndoAll());
        AssertSucceeded(result);
        AssertSameAsOriginal(result);
    }

    /// <summary>The change showed: in the diagnostics, or in the output, so the comparison with a cold build proved something.</summary>
    private void AssertDiffersFromOriginal(BuildResult result)
    {
        var sameDiagnostics = result.Diagnostics.Select(d => d.ToString()).SequenceEqual(_original.Result.Diagnostics.Select(d => d.ToString()));
        var sameOutput = OutputSnapshot.Difference(_original.Output, OutputSnapshot.Of(Output), "untouched", "edited") is null;
        Assert.False(sameDiagnostics && sameOutput, "the change made no difference to the diagnostics or the output, so the test proves nothing");
    }

    private static void AssertSameResult(BuildResult expected, BuildResult actual, string expectedName, string actualName)
    {
        var want = expected.Diagnostics.Select(d => d.ToString()).ToList();
        var got = actual.Diagnostics.Select(d => d.ToString()).ToList();
        if (!want.SequenceEqual(got, StringComparer.Ordinal))
        {
            var at = want.Zip(got).TakeWhile(p => p.First == p.Second).Count();
            Assert.Fail(
                $"the {actualName} reported {got.Count} diagnostics, the {expectedName} {want.Count}; the first to differ is number {at + 1}:\n" +
                $"  {expectedName}: {(at < want.Count ? want[at] : "(none)")}\n" +
                $"  {actualName}: {(at < got.Count ? got[at] : "(none)")}\n" +
                $"only in the {expectedName}: {string.Join("; ", want.Except(got).Take(5))}\n" +
                $"only in the {actualName}: {string.Join("; ", got.Except(want).Take(5))}");
        }

        Assert.True(expected.Succeeded == actual.Succeeded, $"the {expectedName} {(expected.Succeeded ? "succeeded" : "failed")}, the {actualName} {(actual.Succeeded ? "succeeded" : "failed")}");
        Assert.Equal(expected.PageCount, actual.PageCount);
        Assert.Equal(expected.Readability, actual.Readability);
        Assert.Equal(expected.MinReadingEase, actual.MinReadingEase);
        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), actual.Files.Keys.Order(StringComparer.Ordinal));
    }

    private static void AssertSameOutput(OutputSnapshot expected, OutputSnapshot actual, string expectedName, string actualName)
    {
        if (OutputSnapshot.Difference(expected, actual, expectedName, actualName) is { } difference)
        {
            Assert.Fail(difference);
        }
    }

    private static void AssertSucceeded(BuildResult result) =>
        Assert.True(result.Succeeded, "the build failed:\n" + string.Join('\n', result.Errors));

    /// <summary>The build failed, with an error of <paramref name="code"/> when one is named.</summary>
    private static void AssertFailed(BuildResult result, string? code = null)
    {
        Assert.False(result.Succeeded, "the build succeeded, but the change should have made it fail");
        Assert.True(code is null || result.Errors.Any(d => d.Code == code), $"no {code} error among:\n{string.Join('\n', result.Errors)}");
    }

    // ---- The site and its changes ----

    /// <summary>Builds through the session; a failed build must leave the output folder exactly as it was.</summary>
    private BuildResult Rebuild(IReadOnlyCollection<string> changed)
    {
        var before = OutputSnapshot.Of(Output);
        var result = _session.Build(changed);
        if (!result.Succeeded)
        {
            AssertSameOutput(before, OutputSnapshot.Of(Output), "last good", "failed build's");
        }

        return result;
    }

    private string Full(string relative) => _site.Combine(relative.Split('/'));

    private string[] Write(string relative, string text)
    {
        _touched.Add(relative);
        _site.Write(relative, text);
        return [Full(relative)];
    }

    private string[] Edit(string relative, string find, string replace)
    {
        var text = File.ReadAllText(Full(relative));
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{relative} has no '{find}' to change");
        return Write(relative, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private string[] Delete(string relative)
    {
        _touched.Add(relative);
        File.Delete(Full(relative));
        return [Full(relative)];
    }

    /// <summary>A rename: the watcher reports the old name and the new one.</summary>
    private string[] Move(string from, string to)
    {
        _touched.Add(from);
        _touched.Add(to);
        File.Move(Full(from), Full(to));
        return [Full(from), Full(to)];
    }

    /// <summary>Every touched file back as the repository has it (or gone, if the repository has none); returns their paths.</summary>
    private string[] UndoAll()
    {
        var paths = _touched.Select(Full).ToArray();
        foreach (var relative in _touched)
        {
            var original = Path.Combine([Repo.Root, .. relative.Split('/')]);
            if (File.Exists(original))
            {
                File.Copy(original, Full(relative), overwrite: true);
            }
            else
            {
                File.Delete(Full(relative));
            }
        }

        _touched.Clear();
        return paths;
    }

    private string PageText(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    /// <summary>The output names of one theme asset (fingerprinted: name.hash.ext), anywhere in the site.</summary>
    private IReadOnlyList<string> AssetNames(string stem) =>
        [.. OutputSnapshot.Of(Output).Files.Keys.Where(p => Path.GetFileName(p).StartsWith(stem + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>A small valid diagram of the given size, labelled as the site's diagrams are.</summary>
    private static string Diagram(int width, int height, string titleId, string title) =>
        $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{titleId}">
          <title id="{titleId}">{title}</title>
          <rect width="{width}" height="{height}" fill="#ffffff"/>
          <text x="10" y="30" fill="#0b0c0c">{title}</text>
        </svg>
        """;
}
