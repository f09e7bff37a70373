using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Where the keyboard focus goes: into the composer whenever the control the user used goes away.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementFocusTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Composer_has_the_focus_on_load_and_after_a_prompt_a_switch_and_a_delete_so_typing_is_kept()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await Expect(chat.Input).ToBeFocusedAsync(new() { Timeout = ChatElementPage.Timeout });

        // A start screen prompt: its button goes with the start screen.
        await page.Locator("[data-testid=start-prompt]").First.ClickAsync();
        await Expect(chat.Input).ToBeFocusedAsync();
        await TypeAndClearAsync(chat, "typed after a prompt");
        await chat.WaitIdleAsync();
        var first = await chat.ThreadIdAsync();

        await page.Locator("[data-testid=new-thread]").ClickAsync();
        await chat.SendAndWaitAsync("second thread");
        var second = await chat.ThreadIdAsync(first);

        // A thread chosen from history.
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(first).Locator("button.history-entry-main").ClickAsync();
        await Expect(chat.Input).ToBeFocusedAsync();
        await TypeAndClearAsync(chat, "typed after a switch");
        await Expect(chat.Items("user_message").First).ToContainTextAsync("What is ChatKit", new() { Timeout = ChatElementPage.Timeout });

        // A confirmed delete: the confirm button goes with its entry.
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        var entry = chat.HistoryEntry(second);
        await entry.Locator("[data-testid=history-delete]").ClickAsync();
        await entry.Locator("[data-testid=history-delete-confirm]").ClickAsync();
        await Expect(entry).ToHaveCountAsync(0, new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Input).ToBeFocusedAsync();
        await TypeAndClearAsync(chat, "typed after a delete");
    }

    /// <summary>Types with the keyboard (wherever the focus is), checks the composer got it, and empties it again.</summary>
    private static async Task TypeAndClearAsync(ChatElementPage chat, string text)
    {
        await chat.Page.Keyboard.TypeAsync(text);
        await Expect(chat.Input).ToHaveValueAsync(text);
        await chat.Input.FillAsync("");
    }
}
