using ChatKitApp.Agents.Turn;
using System.Text.Json;
using Bunit;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Components.Chat;
using ChatKitApp.Components.Chat.Commands;
using ChatKitApp.Components.Chat.Events;
using ChatKitApp.Components.Chat.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ChatKitApp.Tests.Components.Chat;

public sealed class ChatKitPanelTests : IDisposable
{
    private const string ModulePath = "./Components/Chat/ChatKitPanel.razor.js";

    private readonly BunitContext _ctx = new();
    private readonly BunitJSModuleInterop _module;

    public ChatKitPanelTests()
    {
        _ctx.Services.AddLogging();
        _ctx.Services.AddSingleton<ClientToolRegistry>();
        _ctx.Services.AddOptions<ChatKitFrontendOptions>().Configure(o =>
        {
            o.Source = ChatKitElementSource.Local;
            o.DomainKey = "test-domain";
            o.LoadTimeoutMs = 1234;
        });
        _module = _ctx.JSInterop.SetupModule(ModulePath);
        _module.SetupModule(invocation => invocation.Identifier == "mount");
        _module.Setup<string>("sourceOf", _ => true).SetResult("local");
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("unmount", _ => true).SetVoidResult();
        _module.SetupVoid("call", _ => true).SetVoidResult();
    }

    public void Dispose() => _ctx.Dispose();

    /// <summary>A context of its own whose module answers <c>mount</c> only, for a test to script the rest.</summary>
    private static (BunitContext Context, BunitJSModuleInterop Module) ContextWithMountOnly()
    {
        var context = new BunitContext();
        context.Services.AddLogging();
        context.Services.AddSingleton<ClientToolRegistry>();
        context.Services.AddOptions<ChatKitFrontendOptions>();
        var module = context.JSInterop.SetupModule(ModulePath);
        module.SetupModule(invocation => invocation.Identifier == "mount");
        return (context, module);
    }

    [Fact]
    public void Imports_its_module_once_and_mounts_with_the_serialized_options_and_config()
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage).Add(x => x.StorageKey, "chatkit.thread.alice"));

        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        Assert.Single(_ctx.JSInterop.Invocations, i => i.Identifier == "import");
        var mount = Assert.Single(_module.Invocations["mount"]);
        var options = Assert.IsType<JsonElement>(mount.Arguments[1]);
        Assert.Equal(ChatKitOptionsSerializer.ToJson(ChatPageOptions.FullPage), options.GetRawText());
        var config = JsonSerializer.SerializeToElement(mount.Arguments[2]);
        Assert.Equal("Local", config.GetProperty("source").GetString());
        Assert.Equal("test-domain", config.GetProperty("domainKey").GetString());
        Assert.Equal(1234, config.GetProperty("timeoutMs").GetInt32());
        Assert.Equal("chatkit.thread.alice", config.GetProperty("storageKey").GetString());
        Assert.Equal("/chatkit", config.GetProperty("apiUrl").GetString());
        Assert.Equal("SelfHosted", config.GetProperty("mode").GetString());
        Assert.Equal("/api/chatkit/session", config.GetProperty("sessionUrl").GetString());
        Assert.Equal("/api/chatkit/refresh", config.GetProperty("refreshUrl").GetString());
    }

    [Fact]
    public void Mount_gives_the_module_the_servers_page_context_limits_metadata_keys_and_client_tools()
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));

        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        // camelCase, as JS interop serializes it
        var config = JsonSerializer.SerializeToElement(Assert.Single(_module.Invocations["mount"]).Arguments[2], JsonSerializerOptions.Web);
        var limits = config.GetProperty("pageContextLimits");
        Assert.Equal(
            (PageContext.MaxUrlLength, PageContext.MaxTitleLength, PageContext.MaxDescriptionLength, PageContext.MaxHeadingLength, PageContext.MaxHeadings, PageContext.MaxSelectionLength),
            (Cap("url"), Cap("title"), Cap("description"), Cap("heading"), Cap("headings"), Cap("selection")));
        Assert.Equal(BrowserMetadata.PageKey, config.GetProperty("metadataKeys").GetProperty("page").GetString());
        Assert.Equal(BrowserMetadata.TimeZoneKey, config.GetProperty("metadataKeys").GetProperty("timeZone").GetString());
        Assert.Equal(
            new ClientToolRegistry().Declarations.Select(d => d.Name),
            config.GetProperty("clientTools").EnumerateArray().Select(name => name.GetString()));

        int Cap(string name) => limits.GetProperty(name).GetInt32();
    }

    [Fact]
    public void Shows_loading_then_the_chat_with_its_source()
    {
        var (pending, module) = ContextWithMountOnly();
        var source = module.Setup<string>("sourceOf", _ => true); // still loading until answered

        var cut = pending.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));

        Assert.Equal("Loading", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state"));
        Assert.Contains("Loading the chat", cut.Markup, StringComparison.Ordinal);
        source.SetResult("cdn");
        cut.WaitForAssertion(() => Assert.Equal("cdn", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-chatkit-source")));
        Assert.DoesNotContain("Loading the chat", cut.Markup, StringComparison.Ordinal);
        pending.Dispose();
    }

    [Fact]
    public void Shows_an_error_with_a_retry_button_when_nothing_loads_and_retry_mounts_again()
    {
        var (failing, module) = ContextWithMountOnly();
        module.Setup<string>("sourceOf", _ => true).SetException(new JSException("CDN blocked and local module missing"));

        var cut = failing.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));

        cut.WaitForAssertion(() => Assert.Equal("Failed", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        Assert.Contains("CDN blocked and local module missing", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        cut.Find("[role=alert] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, module.Invocations["mount"].Count));
        failing.Dispose();
    }

    [Fact]
    public async Task Every_element_event_reaches_its_callback_with_typed_arguments()
    {
        var seen = new List<string>();
        var cut = _ctx.Render<ChatKitPanel>(p => p
            .Add(x => x.Options, ChatPageOptions.FullPage)
            .Add(x => x.OnReady, () => seen.Add("ready"))
            .Add(x => x.OnThreadChange, (ChatKitThreadChangeEvent e) => seen.Add("thread:" + (e.ThreadId ?? "none")))
            .Add(x => x.OnThreadLoadStart, (ChatKitThreadLoadEvent e) => seen.Add("load-start:" + e.ThreadId))
            .Add(x => x.OnThreadLoadEnd, (ChatKitThreadLoadEvent e) => seen.Add("load-end:" + e.ThreadId))
            .Add(x => x.OnResponseStart, () => seen.Add("start"))
            .Add(x => x.OnResponseEnd, () => seen.Add("end"))
            .Add(x => x.OnError, (ChatKitErrorEvent e) => seen.Add($"error:{e.Message}:{e.Code}"))
            .Add(x => x.OnEffect, (ChatKitNamedEvent e) => seen.Add($"effect:{e.Name}:{e.Data.GetRawText()}"))
            .Add(x => x.OnDeeplink, (ChatKitNamedEvent e) => seen.Add($"deeplink:{e.Name}:{e.Data.GetRawText()}"))
            .Add(x => x.OnLog, (ChatKitNamedEvent e) => seen.Add($"log:{e.Name}:{e.Data.GetRawText()}"))
            .Add(x => x.OnToolChange, (ChatKitToolChangeEvent e) => seen.Add("tool:" + (e.ToolId ?? "none"))));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));

        (string Name, string Detail)[] events =
        [
            ("chatkit.ready", "null"),
            ("chatkit.thread.load.start", """{"threadId":"thr_1"}"""),
            ("chatkit.thread.load.end", """{"threadId":"thr_1"}"""),
            ("chatkit.thread.change", """{"threadId":"thr_1"}"""),
            ("chatkit.response.start", "null"),
            ("chatkit.effect", """{"name":"toast","data":{"text":"hi"}}"""),
            ("chatkit.response.end", "null"),
            ("chatkit.thread.change", """{"threadId":null}"""),
            ("chatkit.error", """{"error":{"name":"HttpError","message":"boom","code":"rate_limited"}}"""),
            ("chatkit.deeplink", """{"name":"open","data":{"id":7}}"""),
            ("chatkit.log", """{"name":"widget.unknown","data":{"type":"Gauge"}}"""),
            ("chatkit.tool.change", """{"toolId":"search"}"""),
            ("chatkit.tool.change", """{"toolId":null}"""),
            ("chatkit.history.open", "null"), // not one the panel maps: ignored
        ];
        foreach (var (name, detail) in events)
        {
            await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent(name, detail));
        }

        Assert.Equal(
            [
                "ready", "load-start:thr_1", "load-end:thr_1", "thread:thr_1", "start", """effect:toast:{"text":"hi"}""", "end", "thread:none",
                "error:boom:rate_limited", """deeplink:open:{"id":7}""", """log:widget.unknown:{"type":"Gauge"}""", "tool:search", "tool:none",
            ],
            seen);
    }

    [Fact]
    public async Task Methods_before_the_element_loads_throw_a_clear_error_and_call_nothing()
    {
        var (pending, module) = ContextWithMountOnly();
        module.Setup<string>("sourceOf", _ => true); // never answers: the element is still loading
        var cut = pending.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cut.Instance.FocusComposerAsync(CancellationToken.None));

        Assert.Contains("focusComposer", error.Message, StringComparison.Ordinal);
        Assert.Empty(module.Invocations["call"]);
        pending.Dispose();
    }

    public static TheoryData<string, string, string> Methods => new()
    {
        { "SendUserMessage", "sendUserMessage", """[{"text":"Hello","reply":"quoted","newThread":true,"toolChoice":{"id":"search"},"model":"fast"}]""" },
        { "SendUserMessageContent", "sendUserMessage", """[{"content":[{"type":"input_text","text":"Hi"}]}]""" },
        { "SetThreadId", "setThreadId", """["thr_9"]""" },
        { "SetThreadIdNew", "setThreadId", "[null]" },
        { "FocusComposer", "focusComposer", "[]" },
        { "SetComposerValue", "setComposerValue", """[{"text":"draft","selectedToolId":"search","selectedModelId":"fast"}]""" },
        { "FetchUpdates", "fetchUpdates", "[]" },
        { "SendCustomAction", "sendCustomAction", """[{"type":"vote","payload":{"choice":"a"}}]""" },
        { "SendCustomActionForItem", "sendCustomAction", """[{"type":"vote"},"wi_1"]""" },
        { "ShowHistory", "showHistory", "[]" },
        { "HideHistory", "hideHistory", "[]" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_calls_the_element_method_with_its_camel_case_arguments_and_no_nulls(string call, string method, string args)
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        var panel = cut.Instance;
        var ct = CancellationToken.None;

        await (call switch
        {
            "SendUserMessage" => panel.SendUserMessageAsync(new() { Text = "Hello", Reply = "quoted", NewThread = true, ToolChoice = new("search"), Model = "fast" }, ct),
            "SendUserMessageContent" => panel.SendUserMessageAsync(new() { Content = [JsonDocument.Parse("""{"type":"input_text","text":"Hi"}""").RootElement] }, ct),
            "SetThreadId" => panel.SetThreadIdAsync("thr_9", ct),
            "SetThreadIdNew" => panel.SetThreadIdAsync(null, ct),
            "FocusComposer" => panel.FocusComposerAsync(ct),
            "SetComposerValue" => panel.SetComposerValueAsync(new() { Text = "draft", SelectedToolId = "search", SelectedModelId = "fast" }, ct),
            "FetchUpdates" => panel.FetchUpdatesAsync(ct),
            "SendCustomAction" => panel.SendCustomActionAsync(new("vote", JsonDocument.Parse("""{"choice":"a"}""").RootElement), cancellationToken: ct),
            "SendCustomActionForItem" => panel.SendCustomActionAsync(new("vote"), "wi_1", ct),
            "ShowHistory" => panel.ShowHistoryAsync(ct),
            "HideHistory" => panel.HideHistoryAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        });

        var invocation = Assert.Single(_module.Invocations["call"]);
        Assert.Equal(method, invocation.Arguments[1]);
        Assert.Equal(args, JsonSerializer.Serialize(invocation.Arguments[2]));
    }

    [Fact]
    public async Task A_rejected_element_promise_reaches_the_caller_as_a_js_exception()
    {
        var (context, module) = ContextWithMountOnly();
        module.Setup<string>("sourceOf", _ => true).SetResult("local");
        module.SetupVoid("call", _ => true).SetException(new JSException("A response is still running."));
        var cut = context.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));

        var error = await Assert.ThrowsAsync<JSException>(() => cut.Instance.SendUserMessageAsync(new() { Text = "again" }, CancellationToken.None));

        Assert.Equal("A response is still running.", error.Message);
        context.Dispose();
    }

    [Fact]
    public async Task A_client_widget_action_reaches_the_callback_typed()
    {
        ChatKitWidgetActionEvent? seen = null;
        var cut = _ctx.Render<ChatKitPanel>(p => p
            .Add(x => x.Options, ChatPageOptions.FullPage)
            .Add(x => x.OnWidgetAction, (ChatKitWidgetActionEvent e) => seen = e));

        await cut.InvokeAsync(() => cut.Instance.OnWidgetActionAsync("""{"type":"order.approve","payload":{"order":42}}""", """{"id":"wi_1","widget":{"type":"Card"}}"""));

        Assert.NotNull(seen);
        Assert.Equal(("order.approve", "wi_1"), (seen.Type, seen.ItemId));
        Assert.Equal(42, seen.Payload!.Value.GetProperty("order").GetInt32());
        Assert.Equal("Card", seen.Widget.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_element_gets_a_widget_action_handler_only_when_the_page_handles_them(bool handles)
    {
        var cut = _ctx.Render<ChatKitPanel>(p =>
        {
            p.Add(x => x.Options, ChatPageOptions.FullPage);
            if (handles)
            {
                p.Add(x => x.OnWidgetAction, (ChatKitWidgetActionEvent _) => { });
            }
        });

        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        var config = JsonSerializer.SerializeToElement(Assert.Single(_module.Invocations["mount"]).Arguments[2]);
        Assert.Equal(handles, config.GetProperty("widgetActions").GetBoolean());
    }

    [Fact]
    public async Task Client_tools_implemented_in_dotnet_answer_through_the_handler()
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p
            .Add(x => x.Options, ChatPageOptions.FullPage)
            .Add(x => x.ClientToolHandler, (name, args) => Task.FromResult<object?>(new { name, echoed = args.GetProperty("x").GetInt32() })));

        var result = await cut.InvokeAsync(() => cut.Instance.OnClientToolAsync("custom_tool", """{"x":7}"""));

        Assert.Equal("""{"name":"custom_tool","echoed":7}""", result);
    }

    [Fact]
    public async Task A_header_button_click_runs_the_callback_of_the_options_applied_last()
    {
        var clicked = new List<string>();
        ChatKitOptions WithButton(string name) => ChatPageOptions.FullPage with
        {
            Header = new ChatKitHeader { RightAction = new ChatKitHeaderAction("close", EventCallback.Factory.Create(this, () => clicked.Add(name))) },
        };
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, WithButton("first")));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));
        var mount = Assert.Single(_module.Invocations["mount"]);
        var mounted = JsonSerializer.SerializeToElement(mount.Arguments[1]);
        var config = JsonSerializer.SerializeToElement(mount.Arguments[2]);

        await cut.InvokeAsync(() => cut.Instance.OnOptionCallbackAsync("header.rightAction.onClick", "[]"));
        cut.Render(p => p.Add(x => x.Options, WithButton("second")));
        await cut.InvokeAsync(() => cut.Instance.OnOptionCallbackAsync("header.rightAction.onClick", "[]"));

        Assert.True(mounted.GetProperty("header").GetProperty("rightAction").GetProperty("onClick").GetBoolean());
        Assert.Equal(ChatKitOptionCallbacks.Paths, config.GetProperty("optionCallbacks").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(["first", "second"], clicked);
    }

    [Fact]
    public void Changing_options_reapplies_the_whole_set()
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));

        cut.Render(p => p.Add(x => x.Options, ChatPageOptions.SidePanel));

        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal(ChatKitOptionsSerializer.ToJson(ChatPageOptions.SidePanel), ((JsonElement)update.Arguments[1]!).GetRawText());
    }

    [Fact]
    public async Task Disposing_unmounts_the_element()
    {
        var cut = _ctx.Render<ChatKitPanel>(p => p.Add(x => x.Options, ChatPageOptions.FullPage));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));

        await cut.Instance.DisposeAsync();

        Assert.Single(_module.Invocations["unmount"]);
    }
}
