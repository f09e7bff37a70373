using System.Text.RegularExpressions;
using System.Text.Json;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Client tool round trips and widget actions between the element and the server.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementToolAndWidgetTests(ScenarioBrowserFixture fixture)
{
    private const string ToolQuestion = "tool what am I looking at?";

    /// <summary>
    /// The reply when the thread may already have its title: the home page's title then leads with
    /// it ("Title · ChatKitApp"), and the browser tool reports the title the tab shows.
    /// </summary>
    private static readonly Regex ToolReplyOnATitledThread = new("^The page is titled \"(.+ · )?ChatKitApp\" at path /\\.\\s*$");

    /// <summary>
    /// Makes the host's onClientTool wait until the test calls <c>window.__releaseClientTool()</c>:
    /// the element class is wrapped as it is defined, before the host's first setOptions.
    /// </summary>
    private const string HeldClientTool = """
        let releaseClientTool;
        const clientToolGate = new Promise((resolve) => { releaseClientTool = resolve; });
        window.__releaseClientTool = () => releaseClientTool();
        window.__clientToolCalls = 0;
        const define = customElements.define.bind(customElements);
        customElements.define = (name, type, options) => {
          if (name === 'openai-chatkit') {
            const setOptions = type.prototype.setOptions;
            type.prototype.setOptions = function (opts) {
              const onClientTool = async (call) => {
                window.__clientToolCalls++;
                await clientToolGate;
                return opts.onClientTool(call);
              };
              return setOptions.call(this, { ...opts, onClientTool });
            };
          }
          define(name, type, options);
        };
        """;

    [Fact]
    public async Task Client_tool_call_runs_in_the_browser_and_the_server_answers_from_its_output()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var toolOutputs = RecordToolOutputs(page);
        await chat.OpenAsync();

        await chat.SendAsync(ToolQuestion);

        // The thread's title can reach the tab before the tool runs, as in the test below.
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync([ToolReplyOnATitledThread], new() { Timeout = ChatElementPage.Timeout });
        var request = Assert.Single(toolOutputs);
        using var json = JsonDocument.Parse(request);
        var result = json.RootElement.GetProperty("params").GetProperty("result");
        Assert.Equal("/", result.GetProperty("path").GetString());
        Assert.Matches("^(.+ · )?ChatKitApp$", result.GetProperty("title").GetString());
        Assert.Equal(await chat.ThreadIdAsync(), json.RootElement.GetProperty("params").GetProperty("thread_id").GetString());
        await Expect(chat.Items("client_tool_call")).ToHaveCountAsync(1);
        await chat.WaitIdleAsync();
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Client_tool_call_keeps_the_response_open_until_its_output_is_answered()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var toolOutputs = RecordToolOutputs(page);
        await StartHeldClientToolCallAsync(chat);

        // The browser is running the tool: the response is still on, so nothing else can be sent.
        await chat.Input.FillAsync("sent too early");
        await chat.Input.PressAsync("Enter");
        await Expect(chat.Input).ToHaveValueAsync("sent too early");
        await Expect(chat.Send).ToBeDisabledAsync();
        await Expect(chat.MessageList).ToHaveAttributeAsync("aria-busy", "true");
        Assert.DoesNotContain("chatkit.response.end", await chat.EventNamesAsync());

        await page.EvaluateAsync("() => window.__releaseClientTool()");

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync([ToolReplyOnATitledThread], new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync([ToolQuestion]);
        await Expect(chat.Input).ToHaveValueAsync("sent too early");
        Assert.Single(toolOutputs);
        var names = await chat.EventNamesAsync();
        Assert.Single(names, n => n == "chatkit.response.start");
        Assert.Single(names, n => n == "chatkit.response.end");
        Assert.DoesNotContain("chatkit.error", names);
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Stop_while_a_client_tool_runs_ends_the_response_without_posting_its_output()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var toolOutputs = RecordToolOutputs(page);
        await StartHeldClientToolCallAsync(chat);

        await chat.Stop.ClickAsync();

        await chat.WaitIdleAsync();
        Assert.Single(await chat.EventNamesAsync(), n => n == "chatkit.response.end");
        await page.EvaluateAsync("() => window.__releaseClientTool()");
        await chat.SendAndWaitAsync("after the stop");
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: after the stop"]);
        Assert.Empty(toolOutputs);
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Sync_widget_action_answered_after_a_thread_switch_leaves_the_new_thread_alone()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("syncwidget please");
        var widgetThread = await chat.ThreadIdAsync();
        await page.Locator("[data-testid=new-thread]").ClickAsync();
        await chat.SendAndWaitAsync("other thread");
        var otherThread = await chat.ThreadIdAsync(other: widgetThread);
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(widgetThread).Locator("button.history-entry-main").ClickAsync();
        var widget = chat.Items("widget");
        await Expect(widget).ToContainTextAsync("Order 42 is waiting for approval.", new() { Timeout = ChatElementPage.Timeout });

        var gate = await ChatKitRequestGate.InstallAsync(page, "threads.sync_custom_action");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await gate.WhenHeldAsync();
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(otherThread).Locator("button.history-entry-main").ClickAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["other thread"], new() { Timeout = ChatElementPage.Timeout });
        var answered = page.WaitForResponseAsync(r => ChatKitRequestGate.IsRequestOf(r.Request, "threads.sync_custom_action"));
        gate.Release();
        await answered;
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))");

        await Expect(chat.Items("widget")).ToHaveCountAsync(0);
        await Expect(chat.AllItems).ToHaveCountAsync(2);
        Assert.Equal(otherThread, await chat.ThreadIdAsync());

        // The action did reach its own thread.
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await chat.HistoryEntry(widgetThread).Locator("button.history-entry-main").ClickAsync();
        await Expect(chat.Items("widget")).ToContainTextAsync("Order 42 approved.", new() { Timeout = ChatElementPage.Timeout });
    }

    [Fact]
    public async Task Widget_action_during_a_response_is_refused_with_a_visible_reason()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("widget please");
        var threadId = await chat.ThreadIdAsync();
        await chat.SendAsync("slow answer meanwhile");
        await Expect(chat.Items("assistant_message").Last).ToContainTextAsync("word02", new() { Timeout = ChatElementPage.Timeout });

        await chat.Items("widget").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.Locator("[data-testid=error-banner]")).ToContainTextAsync("A response is already streaming.");
        Assert.DoesNotContain(fixture.Log.Actions, a => a.ThreadId == threadId);
        await chat.Stop.ClickAsync();
        await fixture.Log.WhenCancelledAsync(threadId);
    }

    [Fact]
    public async Task Widget_button_sends_its_server_action_and_shows_the_replaced_widget()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("widget please");
        var threadId = await chat.ThreadIdAsync();

        var widget = chat.Items("widget").Last;
        await Expect(widget).ToContainTextAsync("Approval");
        await Expect(widget).ToContainTextAsync("Order 42 is waiting for approval.");
        var widgetId = await widget.GetAttributeAsync("data-item-id");

        await widget.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(widget).ToContainTextAsync("Order 42 approved.", new() { Timeout = ChatElementPage.Timeout });
        await Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
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

    /// <summary>
    /// Opens the chat with its events recorded and the host's onClientTool held (see
    /// <see cref="HeldClientTool"/>), sends <see cref="ToolQuestion"/> and waits until the tool runs.
    /// </summary>
    private static async Task StartHeldClientToolCallAsync(ChatElementPage chat)
    {
        await chat.Page.AddInitScriptAsync(HeldClientTool);
        await chat.RecordEventsAsync();
        await chat.OpenAsync();
        await chat.SendAsync(ToolQuestion);
        await chat.Page.WaitForFunctionAsync("() => window.__clientToolCalls === 1", null, new() { Timeout = ChatElementPage.Timeout });
    }

    /// <summary>Collects the bodies of the threads.add_client_tool_output requests the page sends from now on.</summary>
    private static List<string> RecordToolOutputs(IPage page)
    {
        var bodies = new List<string>();
        page.Request += (_, request) =>
        {
            if (ChatKitRequestGate.IsRequestOf(request, "threads.add_client_tool_output"))
            {
                bodies.Add(request.PostData!);
            }
        };
        return bodies;
    }
}
