using System.Text.Json;
using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Client tool round trips and widget actions between the element and the server.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementToolAndWidgetTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Client_tool_call_runs_in_the_browser_and_the_server_answers_from_its_output()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        var toolOutputs = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.PostData is { } body && body.Contains("\"threads.add_client_tool_output\"", StringComparison.Ordinal))
            {
                toolOutputs.Add(body);
            }
        };
        var chat = new ChatElementPage(page);
        await chat.OpenAsync();

        await chat.SendAsync("tool what am I looking at?");

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["The page is titled \"ChatKitApp\" at path /."], new() { Timeout = ChatElementPage.Timeout });
        var request = Assert.Single(toolOutputs);
        using var json = JsonDocument.Parse(request);
        var result = json.RootElement.GetProperty("params").GetProperty("result");
        Assert.Equal("/", result.GetProperty("path").GetString());
        Assert.Equal("ChatKitApp", result.GetProperty("title").GetString());
        Assert.Equal(await chat.ThreadIdAsync(), json.RootElement.GetProperty("params").GetProperty("thread_id").GetString());
        await Expect(chat.Items("client_tool_call")).ToHaveCountAsync(1);
        await chat.WaitIdleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Widget_button_sends_its_server_action_and_shows_the_replaced_widget()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        var chat = new ChatElementPage(page);
        await chat.OpenAsync();
        await chat.SendAndWaitAsync("widget please");
        var threadId = await chat.ThreadIdAsync();

        var widget = chat.Items("widget").Last;
        await Expect(widget).ToContainTextAsync("Approval");
        await Expect(widget).ToContainTextAsync("Order 42 is waiting for approval.");
        var widgetId = await widget.GetAttributeAsync("data-item-id");

        await widget.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(widget).ToContainTextAsync("Order 42 approved.", new() { Timeout = ChatElementPage.Timeout });
        await Expect(widget.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var (actionThread, itemId, action) = Assert.Single(fixture.Log.Actions, a => a.ThreadId == threadId);
        Assert.Equal(widgetId, itemId);
        Assert.Equal("order.approve", action.Type);
        Assert.Equal(42, action.Payload?["order"]?.GetValue<int>());
        Assert.Equal(threadId, actionThread);

        // thread.item.replaced is stored: the decision survives a reload.
        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(chat.Items("widget").Last).ToContainTextAsync("Order 42 approved.", new() { Timeout = ChatElementPage.Timeout });
    }
}
