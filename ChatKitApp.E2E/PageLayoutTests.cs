using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>The pages around the chat: layout on a desktop and a phone, headings, the account pages and the 404 page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLayoutTests(BrowserFixture fixture)
{
    private const string Article = "/articles/what-is-chatkit";

    [Fact]
    public async Task The_ask_button_shows_right_under_the_selection_in_an_article_scrolled_in_its_column()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(1280, 560);
        await OpenAsync(page, Article);
        var paragraph = page.Locator("[data-testid=article] p").Last;
        await paragraph.ScrollIntoViewIfNeededAsync();
        Assert.True(await page.GetByTestId("article").EvaluateAsync<double>("e => e.scrollTop") > 0, "The article did not scroll in its column.");

        await paragraph.SelectTextAsync();
        await Expect(page.Locator("[data-testid=ask-selection]")).ToBeVisibleAsync();

        // Before, the button sat as far above the selection as the article was scrolled.
        var gap = await page.EvaluateAsync<double>("""
            () => document.querySelector('[data-testid=ask-selection]').getBoundingClientRect().top
                  - getSelection().getRangeAt(0).getBoundingClientRect().bottom
            """);
        Assert.InRange(gap, 0, 20);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Ask_about_a_long_selection_on_a_phone_keeps_the_page_as_wide_as_the_screen()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, Article);

        // About 80 characters of one paragraph, as a thumb would select them.
        await page.EvaluateAsync("""
            () => {
              const text = document.querySelectorAll('[data-testid=article] p')[1].firstChild;
              const range = document.createRange();
              range.setStart(text, 0);
              range.setEnd(text, Math.min(80, text.length));
              getSelection().removeAllRanges();
              getSelection().addRange(range);
            }
            """);
        await page.Locator("[data-testid=ask-selection]").ClickAsync();

        await Expect(page.Locator("[data-testid=composer-reply]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=send]")).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The page scrolls sideways after Ask.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Article_chat_ends_inside_the_window_at_1280x800_while_the_banners_show()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(1280, 800);
        await OpenAsync(page, Article);
        await Expect(page.Locator(".app-banners")).ToBeVisibleAsync();

        var composer = await ComposerBoxAsync(page);

        Assert.True(composer.Y + composer.Height <= 800, $"The composer ends at {composer.Y + composer.Height} px, below the 800 px window.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Chat_takes_most_of_a_phone_screen_under_a_condensed_header_and_one_line_of_notes()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, "/");

        var panel = (await page.GetByTestId("chatkit-panel").BoundingBoxAsync())!;
        var notes = (await page.Locator(".app-banners").BoundingBoxAsync())!;

        Assert.True(panel.Height >= 0.85 * 844, $"The chat is {panel.Height} px of an 844 px screen.");
        Assert.Equal((0, 390), ((int)Math.Round(panel.X), (int)Math.Round(panel.Width))); // no card margins on a phone
        Assert.True(notes.Height <= 32, $"The notes take {notes.Height} px: more than one line.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dismissed_notes_stay_hidden_on_the_next_page()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");

        await page.GetByTestId("banners-dismiss").ClickAsync();
        await Expect(page.GetByTestId("banners")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync(); // enhanced navigation

        await Expect(page.Locator("h1")).ToHaveTextAsync("Articles");
        await Expect(page.GetByTestId("banners")).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("banners")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Articles", "Articles")]
    [InlineData("Sign in", "Sign in")]
    [InlineData("Register", "Register")]
    public async Task Heading_focused_after_navigation_shows_no_focus_ring(string link, string heading)
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");

        // From the keyboard, where :focus-visible applies to what gets focus next.
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var h1 = page.Locator("h1");
        await Expect(h1).ToHaveTextAsync(heading);
        await Expect(h1).ToBeFocusedAsync(); // still focused for screen readers (FocusOnNavigate)
        Assert.Equal("none", await h1.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/account/login", "Sign in · ChatKitApp")]
    [InlineData("/account/register", "Register · ChatKitApp")]
    [InlineData("/articles/unknown-slug", "Page not found · ChatKitApp")]
    public async Task Small_pages_are_a_centred_card_on_a_desktop_and_edge_to_edge_on_a_phone(string path, string title)
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(path);
        await Expect(page).ToHaveTitleAsync(title);

        var card = (await page.Locator(".page-card").BoundingBoxAsync())!;
        Assert.True(Math.Abs(card.X - (1280 - card.X - card.Width)) <= 2, $"The card is not centred: {card.X} px left of {card.Width} px.");
        Assert.True(card.Width <= 480, $"The card is {card.Width} px wide.");
        Assert.True(card.Y >= 100, "The card touches the header.");
        foreach (var input in await page.Locator(".page-card input.form-control").AllAsync())
        {
            Assert.True((await input.BoundingBoxAsync())!.Width <= 420, "An input is wider than the card's content.");
        }

        await page.SetViewportSizeAsync(390, 844);
        var narrow = (await page.Locator(".page-card").BoundingBoxAsync())!;
        Assert.Equal((0, 390), ((int)Math.Round(narrow.X), (int)Math.Round(narrow.Width)));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal)); // the 404 page answers 404
    }

    [Fact]
    public async Task Unknown_article_answers_404_with_a_way_back_home()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;

        var response = await page.GotoAsync("/articles/unknown-slug");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.GetByTestId("home-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.BaseUrl.TrimEnd('/') + "/");
        await WaitReadyAsync(page);
    }

    private static async Task<LocatorBoundingBoxResult> ComposerBoxAsync(IPage page)
    {
        var input = page.Locator("[data-testid=composer-input]");
        await Expect(input).ToBeVisibleAsync();
        // The composer's frame is the input's nearest ancestor that holds the send button too.
        var box = await input.EvaluateAsync<double[]>("""
            e => {
              let frame = e;
              while (frame.parentElement && !frame.parentElement.querySelector('[data-testid=send]')) frame = frame.parentElement;
              frame = frame.parentElement ?? frame;
              const r = frame.getBoundingClientRect();
              return [r.x, r.y, r.width, r.height];
            }
            """);
        return new LocatorBoundingBoxResult { X = (float)box[0], Y = (float)box[1], Width = (float)box[2], Height = (float)box[3] };
    }
}
