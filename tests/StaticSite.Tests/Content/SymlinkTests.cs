using StaticSite.Tests.Support;

namespace StaticSite.Tests.Content;

/// <summary>
/// Symbolic links in input/, made at test time in a copy of the base fixture. A link that leads
/// out of input/ must never be followed, so nothing outside reaches the published site; a link
/// that stays inside is followed, and a loop of links cannot trap the build.
/// </summary>
public sealed class SymlinkTests
{
    [SymlinkFact]
    public void A_link_to_a_file_outside_input_is_an_error_and_is_not_published()
    {
        using var site = new FixtureSite();
        using var outside = new TempDir();
        outside.Write("secret.txt", "not for readers");
        var link = Path.Combine(site.Root, "input", "guide", "secret.txt");
        File.CreateSymbolicLink(link, outside.Combine("secret.txt"));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [$"input/guide/secret.txt: error IN003: symbolic link to '{outside.Combine("secret.txt")}' leads outside input/, so it is not published; copy what it points to into input/ instead"],
            result.Errors.Select(e => e.ToString()));
        Assert.False(Directory.Exists(site.Output));
    }

    [SymlinkFact]
    public void A_link_to_etc_passwd_is_refused()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "passwd"), "/etc/passwd");

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/passwd", error.Path);
        Assert.Equal("IN003", error.Code);
    }

    [SymlinkFact]
    public void A_link_to_a_folder_outside_input_is_not_walked()
    {
        // The folder outside holds a page with no front matter: were it read, FM003 would say so.
        using var site = new FixtureSite();
        using var outside = new TempDir();
        outside.Write("notes/page.md", "no front matter");
        outside.Write("notes/photo.jpg", "bytes");
        var link = Path.Combine(site.Root, "input", "notes");
        Directory.CreateSymbolicLink(link, outside.Combine("notes"));

        var result = site.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("input/notes", "IN003"), (error.Path, error.Code));
        Assert.Contains("leads outside input/", error.Message, StringComparison.Ordinal);
    }

    [SymlinkFact]
    public void A_link_that_climbs_out_through_a_relative_path_is_caught_too()
    {
        using var site = new FixtureSite();
        site.Write("outside.txt", "beside input/, not in it");
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "guide", "sneaky.txt"), Path.Combine("..", "..", "outside.txt"));

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/guide/sneaky.txt: error IN003: symbolic link to '../../outside.txt' leads outside input/, so it is not published; copy what it points to into input/ instead", error.ToString());
    }

    [SymlinkFact]
    public void Links_inside_input_are_followed()
    {
        using var site = new FixtureSite();
        site.Write("input/files/handout.txt", "A handout.");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input", "downloads"), "files");
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "guide", "handout.txt"), Path.Combine("..", "files", "handout.txt"));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal("A handout.", File.ReadAllText(Path.Combine(site.Output, "downloads", "handout.txt")));
        Assert.Equal("A handout.", File.ReadAllText(Path.Combine(site.Output, "guide", "handout.txt")));
    }

    [SymlinkFact]
    public void A_link_back_to_a_folder_above_it_is_an_error_not_an_endless_walk()
    {
        using var site = new FixtureSite();
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input", "guide", "again"), "..");

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/guide/again: error IN003: symbolic link to '..' leads back to a folder that holds it, so the walk would never end; remove the link", error.ToString());
    }

    [SymlinkFact]
    public void A_link_to_nothing_is_an_error()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "guide", "gone.md"), "moved.md");

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal("input/guide/gone.md: error IN003: symbolic link to 'moved.md' points to nothing: input/guide/moved.md does not exist", error.ToString());
    }

    [SymlinkFact]
    public void An_input_folder_reached_through_a_link_is_still_the_boundary()
    {
        // input/ itself a link (content kept elsewhere): links inside the real folder are inside.
        using var site = new FixtureSite();
        using var content = new TempDir();
        TempDir.Copy(Path.Combine(site.Root, "input"), content.Path);
        Directory.Delete(Path.Combine(site.Root, "input"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input"), content.Path);
        File.CreateSymbolicLink(Path.Combine(content.Path, "guide", "copy.txt"), Path.Combine(content.Path, "site.yml"));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "guide", "copy.txt")));
    }
}
