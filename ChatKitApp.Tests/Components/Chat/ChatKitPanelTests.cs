using ChatKitApp.Agents.Turn;
using System.Text.Json;
using Bunit;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Components.Chat;
using ChatKitApp.Components.Chat.Options;
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
    public async Task Element_events_reach_the_callbacks()
    {
        var seen = new List<string>();
        var cut = _ctx.Render<ChatKitPanel>(p => p
            .Add(x => x.Options, ChatPageOptions.FullPage)
            .Add(x => x.OnReady, () => seen.Add("ready"))
            .Add(x => x.OnThreadChange, (string? id) => seen.Add("thread:" + (id ?? "none")))
            .Add(x => x.OnResponseStart, () => seen.Add("start"))
            .Add(x => x.OnResponseEnd, () => seen.Add("end"))
            .Add(x => x.OnError, (string error) => seen.Add("error:" + error)));
        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=chatkit-panel]").GetAttribute("data-state")));

        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.ready", "null"));
        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.thread.change", """{"threadId":"thr_1"}"""));
        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.response.start", "null"));
        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.response.end", "null"));
        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.thread.change", """{"threadId":null}"""));
        await cut.InvokeAsync(() => cut.Instance.OnChatKitEvent("chatkit.error", """{"error":"boom"}"""));

        Assert.Equal(["ready", "thread:thr_1", "start", "end", "thread:none", """error:{"error":"boom"}"""], seen);
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
