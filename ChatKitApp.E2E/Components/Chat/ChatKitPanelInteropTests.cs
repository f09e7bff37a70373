using System.Text.Json;
using ChatKitApp.Articles;
using ChatKitApp.Components.Chat.Events;
using ChatKitApp.Components.Chat.Options;
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
        var seen = panel.Events.Count;
        await panel.RunAsync(p => p.SetThreadIdAsync(null));
        await Expect(page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        await panel.WaitForAsync("chatkit.thread.change", e => ((ChatKitThreadChangeEvent)e!).ThreadId is null, seen);
        seen = panel.Events.Count;
        await panel.RunAsync(p => p.SetThreadIdAsync(threadId));
        await panel.WaitForAsync("chatkit.thread.load.start", e => ((ChatKitThreadLoadEvent)e!).ThreadId == threadId, seen);
        await panel.WaitForAsync("chatkit.thread.load.end", e => ((ChatKitThreadLoadEvent)e!).ThreadId == threadId, seen);
        await Expect(ChatUi.Items(page, "user_message")).ToContainTextAsync("events please");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Focus_tool_history_error_custom_action_and_updates_round_trip_through_dotnet()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await ChatUi.OpenAsync(page);
        var panel = fixture.Panels.Latest;
        await panel.WaitForAsync("chatkit.ready");

        await panel.RunAsync(p => p.FocusComposerAsync());
        await Expect(page.Locator("[data-testid=composer-input]")).ToBeFocusedAsync();

        await panel.RunAsync(p => p.SetComposerValueAsync(new() { SelectedToolId = ArticleSearchTool.ToolName }));
        await panel.WaitForAsync("chatkit.tool.change", e => ((ChatKitToolChangeEvent)e!).ToolId == ArticleSearchTool.ToolName);

        await panel.RunAsync(p => p.ShowHistoryAsync());
        await Expect(page.Locator("[data-testid=history-panel]")).ToBeVisibleAsync();
        await panel.RunAsync(p => p.HideHistoryAsync());
        await Expect(page.Locator("[data-testid=history-panel]")).ToBeHiddenAsync();

        // The scripted server fails this message's first attempt: the error reaches .NET typed.
        await panel.RunAsync(p => p.SendUserMessageAsync(new() { Text = "fail for the error event" }));
        var error = (ChatKitErrorEvent)(await panel.WaitForAsync("chatkit.error"))!;
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var threadId = await ChatUi.RememberedThreadAsync(page);
        await panel.WaitForAsync("chatkit.response.end");

        using var payload = JsonDocument.Parse("""{"choice":"a"}""");
        await panel.RunAsync(p => p.SendCustomActionAsync(new("vote", payload.RootElement.Clone())));
        var action = Assert.Single(fixture.Log.Actions, a => a.Action.Type == "vote" && a.ThreadId == threadId);
        Assert.Equal("a", action.Action.Payload?["choice"]?.GetValue<string>());
        Assert.Null(action.ItemId);

        // Resolves (a rejected promise would throw JSException here).
        await panel.RunAsync(p => p.FetchUpdatesAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("Scripted failure", StringComparison.Ordinal) && !e.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clicked_deeplink_reaches_dotnet_as_OnDeeplink_with_its_name_and_data()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await ChatUi.OpenAsync(page);
        var panel = fixture.Panels.Latest;
        await ChatUi.SendAsync(page, "deeplink please");
        var link = ChatUi.Items(page, "assistant_message").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "order 42" });
        await Expect(link).ToBeVisibleAsync();
        var seen = panel.Events.Count;
        var url = page.Url;

        await link.ClickAsync();

        var deeplink = (ChatKitNamedEvent)(await panel.WaitForAsync("chatkit.deeplink", since: seen))!;
        Assert.Equal("order", deeplink.Name);
        Assert.Equal(("42", "items"), (deeplink.Data.GetProperty("id").GetString(), deeplink.Data.GetProperty("tab").GetString()));
        Assert.Equal(url, page.Url);
        Assert.Single(page.Context.Pages);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_client_handled_widget_action_reaches_dotnet_and_not_the_server()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await ChatUi.OpenAsync(page);
        var panel = fixture.Panels.Latest;
        await ChatUi.SendAsync(page, "clientwidget");
        var before = fixture.Log.Actions.Count;
        var seen = panel.Events.Count;

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        var action = (ChatKitWidgetActionEvent)(await panel.WaitForAsync("widgets.onAction", since: seen))!;
        Assert.Equal(("order.approve", 42), (action.Type, action.Payload!.Value.GetProperty("order").GetInt32()));
        Assert.StartsWith("msg", action.ItemId, StringComparison.Ordinal);
        Assert.Equal("Card", action.Widget.GetProperty("type").GetString());
        Assert.Equal(before, fixture.Log.Actions.Count);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_header_button_set_in_the_csharp_options_runs_its_event_callback_on_click()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await ChatUi.OpenAsync(page);
        var panel = fixture.Panels.Latest;
        await panel.WaitForAsync("chatkit.ready");
        var seen = panel.Events.Count;

        await panel.ChangeOptionsAsync(o => o with
        {
            Header = (o.Header ?? new ChatKitHeader()) with { RightAction = new ChatKitHeaderAction("close", panel.Recorder("header.rightAction.onClick")) },
        });
        await page.Locator("[data-testid=header-right-action]").ClickAsync();

        await panel.WaitForAsync("header.rightAction.onClick", since: seen);
        Assert.Empty(errors);
    }
}
