using System.Text.Json;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Every DOM event of the element, with the detail shape ChatKit's element documents (docs/ELEMENT.md).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementEventTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Every_element_event_fires_with_its_detail_shape()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await chat.RecordEventsAsync();
        await chat.OpenAsync();

        var ready = await WaitForAsync(page, "chatkit.ready");
        Assert.Equal(JsonValueKind.Null, ready.ValueKind);

        await chat.SendAndWaitAsync("events please");
        var threadId = await chat.ThreadIdAsync();
        Assert.Equal(JsonValueKind.Null, (await WaitForAsync(page, "chatkit.response.start")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await WaitForAsync(page, "chatkit.response.end")).ValueKind);
        Assert.Equal(threadId, (await WaitForAsync(page, "chatkit.thread.change")).GetProperty("threadId").GetString());
        var effect = await WaitForAsync(page, "chatkit.effect");
        Assert.Equal("highlight", effect.GetProperty("name").GetString());
        Assert.Equal("yellow", effect.GetProperty("data").GetProperty("color").GetString());
        var log = await WaitForAsync(page, "chatkit.log");
        Assert.Equal("stream.update_for_unknown_item", log.GetProperty("name").GetString());
        Assert.Equal("msg_unknown", log.GetProperty("data").GetProperty("itemId").GetString());
        var names = await chat.EventNamesAsync();
        Assert.True(names.IndexOf("chatkit.response.start") < names.IndexOf("chatkit.thread.change"));
        Assert.True(names.IndexOf("chatkit.thread.change") < names.LastIndexOf("chatkit.response.end"));

        await chat.SendAsync("fail for the error event");
        var error = await WaitForAsync(page, "chatkit.error");
        Assert.True(error.GetProperty("error").GetProperty("isError").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetProperty("message").GetString()));
        await chat.WaitIdleAsync();

        // A reload opens the remembered thread: load start and end carry its id.
        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        Assert.Equal(threadId, (await WaitForAsync(page, "chatkit.thread.load.start")).GetProperty("threadId").GetString());
        Assert.Equal(threadId, (await WaitForAsync(page, "chatkit.thread.load.end")).GetProperty("threadId").GetString());
        Assert.Equal(threadId, (await WaitForAsync(page, "chatkit.thread.change")).GetProperty("threadId").GetString());
        await WaitForAsync(page, "chatkit.ready");
        Assert.Equal(["chatkit.thread.load.start", "chatkit.thread.change", "chatkit.thread.load.end", "chatkit.ready"], await chat.EventNamesAsync());

        // A new chat reports the change to no thread.
        await page.Locator("[data-testid=new-thread]").ClickAsync();
        await Expect(page.Locator("[data-testid=start-screen]")).ToBeVisibleAsync();
        var change = await page.EvaluateAsync<JsonElement>("() => window.__chatkitEvents.filter(e => e.name === 'chatkit.thread.change').at(-1).detail");
        Assert.Equal(JsonValueKind.Null, change.GetProperty("threadId").ValueKind);
    }

    /// <summary>Waits for the first event of that name and returns its recorded detail.</summary>
    private static async Task<JsonElement> WaitForAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("name => window.__chatkitEvents.some(e => e.name === name)", name, new() { Timeout = ChatElementPage.Timeout });
        return await page.EvaluateAsync<JsonElement>("name => window.__chatkitEvents.find(e => e.name === name).detail", name);
    }
}
