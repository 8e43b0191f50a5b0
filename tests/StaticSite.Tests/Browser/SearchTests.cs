using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticSite.Search;
using StaticSite.Tests.Search;
using static Microsoft.Playwright.Assertions;

namespace StaticSite.Tests.Browser;

/// <summary>
/// Search as readers use it, in Chromium under the strict Content-Security-Policy: typing, the
/// results and their count (on screen and in the live region), the keyboard, the header form,
/// Escape, no JavaScript, axe on the results, and the script making the same terms as the build.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    private const string SearchPath = "search/";

    private static ILocator Field(IPage page) => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search Leg and Knee" });

    private static ILocator Heading(IPage page) => page.Locator("#search__results h2");

    /// <summary>The search page under the strict policy, with the query in its address as the header form sends it.</summary>
    private async Task<IPage> OpenAsync(IBrowserContext context, string query = "")
    {
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(browser.Url(SearchPath + (query.Length > 0 ? "?q=" + Uri.EscapeDataString(query) : ""), csp: true));
        Assert.Empty(errors);
        return page;
    }

    [BrowserFact]
    public async Task Typing_shows_results_as_links_with_descriptions_under_a_heading_whose_count_the_live_region_announces()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);

        await Field(page).PressSequentiallyAsync("Strains", new() { Delay = 30 });

        await Expect(Heading(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for ‘Strains’$"));
        var heading = await Heading(page).TextContentAsync();
        Assert.Equal(heading, await page.Locator("[role=status][aria-live=polite]").TextContentAsync());
        var count = int.Parse(heading!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var expected = IndexReader.Of(browser.Site.Result).Query("strains").Count;
        Assert.Equal(expected, count);

        var items = page.Locator("#search__results ol > li");
        await Expect(items).ToHaveCountAsync(Math.Min(count, 10));
        var titles = await items.Locator("a").AllTextContentsAsync();
        Assert.Equal(["Calf strain", "Hamstring strain"], titles.Take(2).Order(StringComparer.Ordinal));
        foreach (var item in await items.AllAsync())
        {
            Assert.StartsWith("/", await item.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(await item.Locator("p").TextContentAsync()), "each result shows its page's description");
        }

        // The reader kept typing in the field the whole time, and the address can be shared.
        Assert.Equal("search__q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("/search/?q=Strains", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Other_names_accents_and_case_find_the_page_readers_mean()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);

        foreach (var (query, first) in new[] { ("pulled calf", "Calf strain"), ("SHIN SPLINTS", "Shin splints"), ("achillés", "Achilles") })
        {
            await Field(page).FillAsync(query);
            await Field(page).PressAsync("Enter");
            await Expect(Heading(page)).ToContainTextAsync($"for ‘{query}’");
            Assert.StartsWith(first, await page.Locator("#search__results li a").First.TextContentAsync(), StringComparison.Ordinal);
        }
    }

    [BrowserFact]
    public async Task The_header_form_on_any_page_takes_the_query_to_the_search_page_by_keyboard_alone()
    {
        await using var context = await browser.NewContextAsync(width: 320);
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url("leg-and-knee/soleus-pain-when-running/", csp: true));

        // Tab from the top of the page to the header's search field, as a keyboard user would.
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "site-search__q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("site-search__q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("pulled calf");
        await page.Keyboard.PressAsync("Enter");

        // The form sends "pulled+calf"; once loaded, the page's script writes the query back as
        // "pulled%20calf", so either address is the search page with the query. The address is
        // polled rather than waited for as a navigation: on a busy machine the navigation and the
        // script's rewrite can both be over before a wait begins, and then it never ends.
        await Expect(page).ToHaveURLAsync(new Regex(@"/search/\?q=pulled(\+|%20)calf$"), new() { Timeout = 60_000 });
        await Expect(Heading(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for ‘pulled calf’$"));
        Assert.Equal("pulled calf", await Field(page).InputValueAsync());
        Assert.Equal("Calf strain", await page.Locator("#search__results li a").First.TextContentAsync());
    }

    [BrowserFact]
    public async Task Results_are_reached_with_tab_in_order_show_more_moves_focus_to_the_next_and_escape_clears()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, "knee");
        await Expect(page.Locator("#search__results li")).ToHaveCountAsync(10);
        var hrefs = await page.Locator("#search__results li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        await Field(page).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Search", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        foreach (var href in hrefs)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(href, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Show more results", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#search__results li")).Not.ToHaveCountAsync(10);
        var eleventh = await page.Locator("#search__results li a").Nth(10).GetAttributeAsync("href");
        Assert.Equal(eleventh, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));

        await Field(page).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("", await Field(page).InputValueAsync());
        Assert.Equal(0, await page.Locator("#search__results > *").CountAsync());
        Assert.Equal("", await page.Locator("#search__status").TextContentAsync());
        Assert.Equal("search__q", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Enter on a result goes to its page.
        // One page at a time, so the keys go to the page that has the focus.
        await page.CloseAsync();
        var results = await OpenAsync(context, "calf strain");
        var first = results.Locator("#search__results li a").First;
        await Expect(first).ToHaveAttributeAsync("href", new Regex("/leg-and-knee/calf-strain/$"), new() { Timeout = 30_000 });
        await first.FocusAsync();
        Assert.EndsWith("/leg-and-knee/calf-strain/", await results.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"), StringComparison.Ordinal);
        // The navigation is what is tested, not how fast the next page loads on a busy machine:
        // the address is polled until it is the result's.
        await first.PressAsync("Enter");
        await Expect(results).ToHaveURLAsync(new Regex("/leg-and-knee/calf-strain/$"), new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task A_query_with_no_results_says_so_in_the_heading_and_the_live_region()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context, "zebra");

        await Expect(Heading(page)).ToHaveTextAsync("No results for ‘zebra’");
        Assert.Equal("No results for ‘zebra’", await page.Locator("#search__status").TextContentAsync());
        Assert.Equal(0, await page.Locator("#search__results li").CountAsync());
    }

    [BrowserTheory]
    [InlineData(1280, "light")]
    [InlineData(320, "dark")]
    public async Task The_results_have_no_axe_violations(int width, string scheme)
    {
        await using var context = await browser.NewContextAsync(width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await Axe.InstallAsync(context);
        var page = await OpenAsync(context, "knee");
        await Expect(page.Locator(".search-more")).ToBeVisibleAsync();

        var result = await Axe.RunAsync(page, AccessibilityTests.Options);

        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }

    [BrowserFact]
    public async Task Without_javascript_the_header_form_leads_to_a_page_that_says_search_needs_it_and_links_to_the_lists()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url("leg-and-knee/"));

        await page.Locator("#site-search__q").FillAsync("calf");
        await page.Locator("header button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/search/\?q=calf$"), new() { Timeout = 60_000 });
        var help = page.Locator("#search__help");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Search needs JavaScript");
        Assert.Equal("Conditions A to Z", await help.GetByRole(AriaRole.Link, new() { Name = "Conditions A to Z" }).TextContentAsync());
        Assert.Equal("/leg-and-knee/", await help.GetByRole(AriaRole.Link, new() { Name = "Leg and knee" }).GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task The_script_makes_the_same_terms_as_the_build_from_every_page_and_every_accented_letter()
    {
        // Every page's text, and each Latin letter with an accent between two plain letters.
        // A search field drops line breaks, so they become spaces here.
        var texts = browser.Site.ContentPages.Select(p => Regex.Replace(p.Value.QuerySelector("main")!.TextContent, @"\s+", " ")).ToList();
        texts.Add(string.Join(' ', Enumerable.Range(0xC0, 0x250 - 0xC0).Concat(Enumerable.Range(0x1E00, 0x100)).Select(c => "x" + (char)c + "y")));
        texts.Add("Runner’s KNEES, calves' injuries 10,000 1.5 don't naïve cafe\u0301 Ærø");

        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);
        // Only the terms are compared here: the index files need not be fetched.
        await page.RouteAsync("**/search/index/**", route => route.AbortAsync());
        var made = await page.EvaluateAsync<string[]>("""
            texts => texts.map(text => {
                const box = document.getElementById('search__q');
                box.value = text;
                box.form.requestSubmit();
                return document.getElementById('search__results').getAttribute('data-terms');
            })
            """, texts);

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(string.Join(' ', SearchTerms.Of(texts[i])), made[i]);
        }
    }
}
