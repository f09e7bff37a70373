using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The history panel (rename, delete, switch) and paging back through a long thread.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementHistoryTests(ScenarioBrowserFixture fixture)
{
    /// <summary>A 500 in the shape our server answers errors with.</summary>
    private static readonly RouteFulfillOptions ServerFellOver = new()
    {
        Status = 500,
        ContentType = "application/json",
        Body = """{"error":{"code":"internal","message":"Server fell over."}}""",
    };

    [Fact]
    public async Task Rename_and_delete_a_thread_from_history_reach_the_store()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("topic to rename");
        var threadId = await chat.ThreadIdAsync();

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        var entry = chat.HistoryEntry(threadId);
        await Expect(entry).ToContainTextAsync("topic to rename", new() { Timeout = ChatElementPage.Timeout });
        await entry.Locator("[data-testid=history-rename]").ClickAsync();
        var title = entry.Locator("[data-testid=history-rename-input]");
        await Expect(title).ToBeFocusedAsync();
        await title.FillAsync("Renamed by the test");
        await title.PressAsync("Enter");

        await Expect(entry).ToContainTextAsync("Renamed by the test");
        Assert.Equal("Renamed by the test", (await fixture.Store.LoadThreadAsync(threadId, await ScenarioBrowserFixture.UserOfAsync(page), CancellationToken.None)).Title);

        await entry.Locator("[data-testid=history-delete]").ClickAsync();
        await entry.Locator("[data-testid=history-delete-confirm]").ClickAsync();

        await Expect(entry).ToHaveCountAsync(0);
        var user = await ScenarioBrowserFixture.UserOfAsync(page);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.Store.LoadThreadAsync(threadId, user, CancellationToken.None));
        await page.Locator("[data-testid=history-close]").ClickAsync();
        await Expect(page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        await Expect(chat.AllItems).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Switching_threads_from_history_shows_the_chosen_threads_items()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var (alpha, beta) = await OpenTwoThreadsAsync(chat);

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await Expect(chat.HistoryEntry(beta).Locator("button[aria-current=true]")).ToHaveCountAsync(1, new() { Timeout = ChatElementPage.Timeout });
        await chat.HistoryEntry(alpha).Locator("button.history-entry-main").ClickAsync();

        await Expect(chat.Items("user_message")).ToHaveTextAsync(["alpha thread"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: alpha thread"]);
        await Expect(page.Locator("[data-testid=history-panel]")).ToBeHiddenAsync();
        Assert.Equal(alpha, await chat.ThreadIdAsync());

        // And back again, with the composer sending into the thread now shown.
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(beta).Locator("button.history-entry-main").ClickAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["beta thread"], new() { Timeout = ChatElementPage.Timeout });
        await chat.SendAndWaitAsync("still beta");
        var items = await fixture.Store.LoadThreadItemsAsync(beta, null, 20, SortOrder.Asc, await ScenarioBrowserFixture.UserOfAsync(page), CancellationToken.None);
        Assert.Equal(4, items.Data.Count);
    }

    [Fact]
    public async Task Message_typed_while_a_thread_loads_is_not_sent_to_the_thread_being_left()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var (alpha, beta) = await OpenTwoThreadsAsync(chat);
        var user = await ScenarioBrowserFixture.UserOfAsync(page);
        var gate = await ChatKitRequestGate.InstallAsync(page, "threads.get_by_id");

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(alpha).Locator("button.history-entry-main").ClickAsync();
        await gate.WhenHeldAsync();
        await chat.Input.FillAsync("typed during the switch");
        await chat.Input.PressAsync("Enter");

        // Nothing is sent while the thread loads: the draft waits in the composer.
        await Expect(chat.Input).ToHaveValueAsync("typed during the switch");
        gate.Release();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["alpha thread"], new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        Assert.Equal(alpha, await chat.ThreadIdAsync());
        var betaItems = await fixture.Store.LoadThreadItemsAsync(beta, null, 20, SortOrder.Asc, user, CancellationToken.None);
        Assert.Equal(2, betaItems.Data.Count);

        // Once the thread is shown, the same draft goes to it.
        await chat.Input.PressAsync("Enter");
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: alpha thread", "You said: typed during the switch"], new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        Assert.Equal(alpha, await chat.ThreadIdAsync());
        var alphaItems = await fixture.Store.LoadThreadItemsAsync(alpha, null, 20, SortOrder.Asc, user, CancellationToken.None);
        Assert.Equal(4, alphaItems.Data.Count);
    }

    [Fact]
    public async Task Failed_thread_load_keeps_the_current_thread_and_reports_the_error()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await chat.RecordEventsAsync();
        var (alpha, beta) = await OpenTwoThreadsAsync(chat);
        await page.RouteAsync("**/chatkit", route => ChatKitRequestGate.IsRequestOf(route.Request, "threads.get_by_id")
            ? route.FulfillAsync(ServerFellOver)
            : route.FallbackAsync());
        var banner = page.Locator("[data-testid=error-banner]");

        // Switching to a thread that fails to load stays on the thread shown.
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(alpha).Locator("button.history-entry-main").ClickAsync();
        await Expect(banner).ToContainTextAsync("Server fell over.", new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["beta thread"]);
        Assert.Equal(beta, await page.EvaluateAsync<string?>(ChatUi.RememberedThreadJs));

        // A reload that cannot open the remembered thread keeps remembering it.
        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(banner).ToContainTextAsync("Server fell over.", new() { Timeout = ChatElementPage.Timeout });
        Assert.Equal(beta, await page.EvaluateAsync<string?>(ChatUi.RememberedThreadJs));
        Assert.Contains("chatkit.error", await chat.EventNamesAsync());
        Assert.DoesNotContain("chatkit.thread.change", await chat.EventNamesAsync());

        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["beta thread"], new() { Timeout = ChatElementPage.Timeout });
    }

    [Fact]
    public async Task History_that_fails_to_load_says_so_and_fires_chatkit_error()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await chat.RecordEventsAsync();
        await chat.OpenAsync();
        await page.RouteAsync("**/chatkit", route => ChatKitRequestGate.IsRequestOf(route.Request, "threads.list")
            ? route.FulfillAsync(ServerFellOver)
            : route.FallbackAsync());

        await page.Locator("[data-testid=history-toggle]").ClickAsync();

        await Expect(page.Locator("[data-testid=history-panel]")).ToContainTextAsync("Server fell over.", new() { Timeout = ChatElementPage.Timeout });
        Assert.Contains("chatkit.error", await chat.EventNamesAsync());
    }

    [Fact]
    public async Task Scrolling_up_a_long_thread_loads_older_items_until_the_first()
    {
        const int count = 120;
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var threadId = await SeedLongThreadAsync(await ScenarioBrowserFixture.UserOfAsync(page), count);

        await page.EvaluateAsync("id => document.querySelector('openai-chatkit').setThreadId(id)", threadId);

        await Expect(chat.AllItems.Last).ToHaveTextAsync($"Seeded message {count:000}", new() { Timeout = ChatElementPage.Timeout });
        var firstPage = await chat.AllItems.CountAsync();
        Assert.InRange(firstPage, 1, 20);
        await Expect(chat.AllItems.First).Not.ToHaveTextAsync("Seeded message 001");
        // The chat fits the window: the transcript scrolls, not the page, so the composer stays in view.
        await Expect(chat.Input).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight"), "The page itself scrolls.");

        for (var shown = firstPage; shown < count;)
        {
            await ScrollToTopUntilMoreLoadAsync(page, chat, shown);
            shown = await chat.AllItems.CountAsync();
        }

        await Expect(chat.AllItems).ToHaveCountAsync(count);
        await Expect(chat.AllItems.First).ToHaveTextAsync("Seeded message 001");
        var ids = await chat.AllItems.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.itemId)");
        Assert.Equal(count, ids.Distinct().Count());
        await Expect(page.Locator("[data-testid=load-older]")).ToBeHiddenAsync();
    }

    /// <summary>
    /// Scrolls to the top until older items appear. A wheel that lands while a page is still loading
    /// changes nothing once the transcript is already at the top, so a person (and this test) nudges
    /// down and scrolls up again.
    /// </summary>
    private static async Task ScrollToTopUntilMoreLoadAsync(IPage page, ChatElementPage chat, int shown)
    {
        for (var attempt = 0; ; attempt++)
        {
            await chat.MessageList.HoverAsync();
            await page.Mouse.WheelAsync(0, 300);
            await page.Mouse.WheelAsync(0, -20_000);
            try
            {
                await Expect(chat.AllItems).Not.ToHaveCountAsync(shown, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
                // not yet: scroll again
            }
        }
    }

    /// <summary>Opens the chat with two threads, "alpha thread" and then "beta thread" (shown), and returns their ids.</summary>
    private static async Task<(string Alpha, string Beta)> OpenTwoThreadsAsync(ChatElementPage chat)
    {
        await chat.OpenAsync();
        await chat.SendAndWaitAsync("alpha thread");
        var alpha = await chat.ThreadIdAsync();
        await chat.Page.Locator("[data-testid=new-thread]").ClickAsync();
        await Expect(chat.Page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        await chat.SendAndWaitAsync("beta thread");
        return (alpha, await chat.ThreadIdAsync(other: alpha));
    }

    /// <summary>Writes a thread of alternating user and assistant messages straight into the app's store.</summary>
    private async Task<string> SeedLongThreadAsync(ChatKitRequestContext user, int count)
    {
        var thread = new ThreadMetadata { Id = fixture.Store.GenerateThreadId(user), CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), Title = "A long thread" };
        await fixture.Store.SaveThreadAsync(thread, user, CancellationToken.None);
        for (var i = 1; i <= count; i++)
        {
            var id = fixture.Store.GenerateItemId(StoreItemType.Message, thread, user);
            var at = thread.CreatedAt.AddSeconds(i);
            var text = $"Seeded message {i:000}";
            ThreadItem item = i % 2 == 1
                ? new UserMessageItem { Id = id, ThreadId = thread.Id, CreatedAt = at, Content = [new UserMessageTextContent(text)] }
                : new AssistantMessageItem { Id = id, ThreadId = thread.Id, CreatedAt = at, Content = [new AssistantMessageContent { Text = text }] };
            await fixture.Store.AddThreadItemAsync(thread.Id, item, user, CancellationToken.None);
        }

        return thread.Id;
    }
}
