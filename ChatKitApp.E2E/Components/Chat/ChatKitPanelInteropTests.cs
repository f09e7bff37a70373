using ChatKitApp.Components.Chat.Events;
using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Components.Chat;

/// <summary>ChatKitPanel's C# methods drive the offline element in a real browser, and its events reach .NET.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ChatKitPanelInteropTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Methods_called_from_csharp_drive_the_element_and_its_events_reach_dotnet()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await ChatUi.OpenAsync(page);
        var panel = fixture.Panels.Latest;
        await panel.WaitForAsync("chatkit.ready");

        await panel.RunAsync(p => p.SetComposerValueAsync(new() { Text = "drafted in C#" }));
        await Expect(page.Locator("[data-testid=composer-input]")).ToHaveValueAsync("drafted in C#");

        await panel.RunAsync(p => p.SendUserMessageAsync(new() { Text = "events please" }));

        await Expect(ChatUi.Items(page, "user_message")).ToContainTextAsync("events please");
        await panel.WaitForAsync("chatkit.response.start");
        await panel.WaitForAsync("chatkit.response.end");
        var threadId = await ChatUi.RememberedThreadAsync(page);
        await panel.WaitForAsync("chatkit.thread.change", e => ((ChatKitThreadChangeEvent)e!).ThreadId == threadId);
        var effect = (ChatKitNamedEvent)(await panel.WaitForAsync("chatkit.effect"))!;
        Assert.Equal(("highlight", "yellow"), (effect.Name, effect.Data.GetProperty("color").GetString()));
        var log = (ChatKitNamedEvent)(await panel.WaitForAsync("chatkit.log", e => ((ChatKitNamedEvent)e!).Name == "stream.update_for_unknown_item"))!;
        Assert.Equal("msg_unknown", log.Data.GetProperty("itemId").GetString());

        // A new thread from C#, then back to the first one: the change reaches .NET each time.
        await panel.RunAsync(p => p.SetThreadIdAsync(null));
        await Expect(page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        await panel.WaitForAsync("chatkit.thread.change", e => ((ChatKitThreadChangeEvent)e!).ThreadId is null);
        await panel.RunAsync(p => p.SetThreadIdAsync(threadId));
        await panel.WaitForAsync("chatkit.thread.load.end", e => ((ChatKitThreadLoadEvent)e!).ThreadId == threadId);
        await Expect(ChatUi.Items(page, "user_message")).ToContainTextAsync("events please");
        Assert.Empty(errors);
    }
}
