using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>On the full-page chat the open thread's title leads the page title, as in ChatGPT and Claude.ai.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTitleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Thread_title_leads_the_page_title_and_a_new_chat_gives_the_page_its_own_back()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");
        await Expect(page).ToHaveTitleAsync("ChatKitApp");

        await SendAsync(page, "Trip ideas for Lisbon");

        await Expect(page).ToHaveTitleAsync("Trip ideas for Lisbon · ChatKitApp", new() { Timeout = 15_000 });
        await page.ReloadAsync();
        await Expect(page).ToHaveTitleAsync("Trip ideas for Lisbon · ChatKitApp", new() { Timeout = 15_000 }); // the reopened thread
        await page.GetByTestId("new-thread").ClickAsync();
        await Expect(page).ToHaveTitleAsync("ChatKitApp");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Leaving_the_chat_keeps_the_next_pages_own_title()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");
        await SendAsync(page, "Notes on sourdough");
        await Expect(page).ToHaveTitleAsync("Notes on sourdough · ChatKitApp", new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Articles");
        await Expect(page).ToHaveTitleAsync("Articles · ChatKitApp");
        Assert.Empty(errors);
    }
}
