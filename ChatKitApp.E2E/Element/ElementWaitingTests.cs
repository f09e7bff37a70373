using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>While the answer is on its way: the user's message at once, a thinking line, a way back to the latest words.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementWaitingTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Message_held_on_its_way_shows_at_once_with_a_thinking_line_instead_of_the_start_screen()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var gate = await ChatKitRequestGate.InstallAsync(page, "threads.create");

        await chat.SendAsync("held on its way");
        await gate.WhenHeldAsync();

        // The request has not reached the server, yet the message is there and the start screen gone.
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["held on its way"]);
        await Expect(page.Locator("[data-testid=start-screen]")).ToBeHiddenAsync();
        var thinking = page.Locator("[data-testid=progress]");
        await Expect(thinking).ToHaveTextAsync("Thinking…");

        gate.Release();

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: held on its way"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(thinking).ToBeHiddenAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["held on its way"]);
    }

    [Fact]
    public async Task Scrolling_up_during_a_reply_offers_jump_to_latest_which_scrolls_down_and_hides()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await page.SetViewportSizeAsync(1280, 560);
        await chat.SendAndWaitAsync(string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}")));
        var jump = page.Locator("[data-testid=jump-latest]");
        await Expect(jump).ToBeHiddenAsync();

        await chat.SendAsync("slow while reading above");
        await Expect(chat.Items("assistant_message").Last).ToContainTextAsync("word02", new() { Timeout = ChatElementPage.Timeout });
        await chat.MessageList.EvaluateAsync("list => { list.scrollTop = 0; }");

        await Expect(jump).ToBeVisibleAsync();
        await jump.ClickAsync();

        await Expect(jump).ToBeHiddenAsync();
        var gap = await chat.MessageList.EvaluateAsync<double>("list => list.scrollHeight - list.scrollTop - list.clientHeight");
        Assert.True(gap < 80, $"The transcript is {gap} px short of its end after jumping.");
        var threadId = await chat.ThreadIdAsync();
        await chat.Stop.ClickAsync();
        await fixture.Log.WhenCancelledAsync(threadId);
    }
}
