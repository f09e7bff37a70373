using ChatKitApp.E2E.Element;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Search across the user's chats: from the element's history panel and from the host page's own field.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ChatSearchTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Search_in_the_history_panel_opens_the_thread_of_the_chosen_hit()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var (quokka, other) = await OpenTwoThreadsAsync(chat);

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await page.Locator("[data-testid=history-search]").FillAsync("quokka");
        await page.Locator("[data-testid=history-search]").PressAsync("Enter");
        var hits = page.Locator("[data-testid=history-search-result]");
        await Expect(hits.First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        await Expect(hits.Locator("mark").First).ToHaveTextAsync("quokka");
        Assert.All(await hits.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.threadId)"), id => Assert.Equal(quokka, id));
        await hits.First.ClickAsync();

        await Expect(page.Locator("[data-testid=history-panel]")).ToBeHiddenAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["a quokka question"], new() { Timeout = ChatElementPage.Timeout });
        Assert.Equal(quokka, await chat.ThreadIdAsync(other: other));
    }

    [Fact]
    public async Task Search_from_the_host_page_opens_the_thread_of_the_chosen_hit_through_set_thread_id()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var (quokka, other) = await OpenTwoThreadsAsync(chat);

        await page.Locator("[data-testid=host-search-input]").FillAsync("quokka");
        await page.Locator("[data-testid=host-search-submit]").ClickAsync();
        var hits = page.Locator("[data-testid=host-search-result]");
        await Expect(hits.First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        await Expect(hits.First.Locator("mark")).ToHaveTextAsync("quokka");
        await hits.First.ClickAsync();

        await Expect(chat.Items("user_message")).ToHaveTextAsync(["a quokka question"], new() { Timeout = ChatElementPage.Timeout });
        Assert.Equal(quokka, await chat.ThreadIdAsync(other: other));
        await Expect(hits).ToHaveCountAsync(0); // the list closes once a hit is opened
    }

    /// <summary>Two threads, the second one shown: the first has the word the tests search for.</summary>
    private static async Task<(string Quokka, string Other)> OpenTwoThreadsAsync(ChatElementPage chat)
    {
        await chat.OpenAsync();
        await chat.SendAndWaitAsync("a quokka question");
        var quokka = await chat.ThreadIdAsync();
        await chat.Page.Locator("[data-testid=new-thread]").ClickAsync();
        await Expect(chat.Page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        await chat.SendAndWaitAsync("something else");
        return (quokka, await chat.ThreadIdAsync(other: quokka));
    }
}
