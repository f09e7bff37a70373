using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.E2E.Fixtures;
using ChatKitApp.Feedback;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The element's controls: feedback thumbs, the tools menu, the model picker, the composer's text size.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementControlsTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Feedback_can_be_changed_and_shows_pressed_after_a_reload()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("rate me twice");
        var threadId = await chat.ThreadIdAsync();
        var up = page.Locator("[data-testid=feedback-positive]").Last;
        var down = page.Locator("[data-testid=feedback-negative]").Last;

        await chat.Items("assistant_message").Last.HoverAsync();
        await page.RunAndWaitForResponseAsync(() => up.ClickAsync(), r => ChatKitRequestGate.IsRequestOf(r.Request, "items.feedback"));
        await Expect(up).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(down).ToBeEnabledAsync();
        await page.RunAndWaitForResponseAsync(() => down.ClickAsync(), r => ChatKitRequestGate.IsRequestOf(r.Request, "items.feedback"));

        await Expect(down).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(up).ToHaveAttributeAsync("aria-pressed", "false");
        var entries = await fixture.App.Services.GetRequiredService<IFeedbackStore>()
            .ListAsync((await ScenarioBrowserFixture.UserOfAsync(page)).UserId, threadId, CancellationToken.None);
        Assert.Equal([FeedbackKind.Positive, FeedbackKind.Negative], entries.Select(e => e.Kind));

        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: rate me twice"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(down).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(up).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task Tools_menu_moves_with_arrow_keys_Home_and_End_and_closes_with_Escape()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var button = page.Locator("[data-testid=composer-tools]");
        var tools = page.Locator("[data-testid=composer-tool]");

        await button.ClickAsync();
        var count = await tools.CountAsync();
        Assert.True(count >= 3, $"The page offers {count} tools in its menu.");
        await Expect(tools.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(tools.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(tools.Last).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // wraps around
        await Expect(tools.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(tools.Last).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(tools.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("[role=menu]")).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Model_picker_shows_the_description_of_its_first_model()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);

        var options = chat.Page.Locator("[data-testid=composer-model] option");

        // appsettings.json: the default model, gpt-4o-mini, comes first with its description.
        await Expect(options.First).ToHaveTextAsync("GPT-4o mini");
        await Expect(options.First).ToHaveAttributeAsync("title", "Fast and inexpensive");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("title", "Slower, more capable");
    }

    [Fact]
    public async Task Composer_text_is_at_least_16px_on_a_phone()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.Page.SetViewportSizeAsync(390, 844);
        await chat.OpenAsync();

        var size = await chat.Input.EvaluateAsync<double>("(input) => parseFloat(getComputedStyle(input).fontSize)");

        Assert.True(size >= 16, $"The composer's text is {size}px: iOS Safari zooms into fields under 16px.");
    }

    [Fact]
    public async Task Header_shows_the_open_threads_title()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var title = chat.Page.Locator("[data-testid=thread-title]");
        await Expect(title).ToHaveTextAsync("New chat");

        // The scenario server titles a thread with its first message.
        await chat.SendAndWaitAsync("Plans for the weekend");

        await Expect(title).ToHaveTextAsync("Plans for the weekend");
        await chat.Page.Locator("[data-testid=new-thread]").ClickAsync();
        await Expect(title).ToHaveTextAsync("New chat");
    }
}
