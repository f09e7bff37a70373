using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Agents;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Feedback;
using ChatKitApp.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// The app's model side as the app composes it (<c>AddChatKitAgents</c>), over a memory store,
/// talking through the real OpenAI SDK to a <see cref="FakeOpenAIServer"/> (or to the demo model).
/// Requests go through <see cref="ChatKitServer{TContext}.ProcessAsync(ReadOnlyMemory{byte}, TContext, CancellationToken)"/>.
/// </summary>
public sealed class AgentHarness : IAsyncDisposable
{
    public const string FakeTitle = "Fake title";

    private readonly ServiceProvider _services;

    private AgentHarness(FakeOpenAIServer? fake, ServiceProvider services, FixedTimeProvider time)
    {
        Fake = fake;
        _services = services;
        Time = time;
    }

    public FakeOpenAIServer? Fake { get; }

    /// <summary>The app's clock: 2026-03-14 15:09:26 UTC.</summary>
    public FixedTimeProvider Time { get; }

    public ChatKitRequestContext Context { get; set; } = new("user-1") { Locale = "en-GB" };

    public ChatKitServer<ChatKitRequestContext> Server => _services.GetRequiredService<ChatKitServer<ChatKitRequestContext>>();

    public IChatKitStore<ChatKitRequestContext> Store => _services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The model side against a fresh fake OpenAI server; title requests answer <see cref="FakeTitle"/>.</summary>
    public static async Task<AgentHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var fake = await FakeOpenAIServer.StartAsync();
        fake.When(r => r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal), FakeReply.Text(FakeTitle));
        var all = new Dictionary<string, string?>
        {
            ["ChatKit:Model:Provider"] = "OpenAI",
            ["ChatKit:Model:Endpoint"] = fake.BaseUrl,
            ["ChatKit:Model:ApiKey"] = "sk-test",
            ["ChatKit:Model:Model"] = "fake-model",
            ["ChatKit:Model:MaxRetries"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return Create(fake, all);
    }

    /// <summary>The model side with the demo model (no key), without word delays, with any further <paramref name="settings"/>.</summary>
    public static AgentHarness StartDemo(Dictionary<string, string?>? settings = null) =>
        Create(null, new Dictionary<string, string?>(settings ?? []) { ["ChatKit:Model:DemoWordDelayMilliseconds"] = "0" });

    private static AgentHarness Create(FakeOpenAIServer? fake, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IChatKitStore<ChatKitRequestContext>, MemoryStore<ChatKitRequestContext>>();
        services.AddSingleton<IFeedbackStore, MemoryFeedbackStore>();
        services.AddSingleton<ITurnUsageStore, MemoryTurnUsageStore>();
        services.AddHttpContextAccessor();
        services.AddOptions<AttachmentOptions>();
        services.AddSingleton<IAttachmentBlobStore, MemoryAttachmentBlobStore>();
        services.AddSingleton<BlobAttachmentStore>();
        services.AddSingleton<IAttachmentStore<ChatKitRequestContext>>(sp => sp.GetRequiredService<BlobAttachmentStore>());
        services.AddSingleton<IAttachmentContentSource>(sp => sp.GetRequiredService<BlobAttachmentStore>());
        services.AddChatKitAgents();
        return new AgentHarness(fake, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), time);
    }

    public Task<List<ThreadStreamEvent>> CreateThreadAsync(string text, JsonObject? metadata = null, string? quotedText = null, CancellationToken cancellationToken = default) =>
        RunAsync(ChatKitRequestJson.CreateThread(text, metadata, quotedText), cancellationToken);

    /// <summary>A new thread whose first message carries the composer's <c>inference_options</c> (tool_choice, model).</summary>
    public Task<List<ThreadStreamEvent>> CreateThreadWithOptionsAsync(string text, JsonObject inferenceOptions, CancellationToken cancellationToken = default)
    {
        var input = ChatKitRequestJson.Input(text);
        input["inference_options"] = inferenceOptions;
        return RunAsync(ChatKitRequestJson.Request("threads.create", new JsonObject { ["input"] = input }), cancellationToken);
    }

    /// <summary>Runs a non-streaming request and returns its JSON answer.</summary>
    public async Task<JsonNode> JsonAsync(string type, JsonObject parameters, CancellationToken cancellationToken = default)
    {
        var result = await Server.ProcessAsync(Encoding.UTF8.GetBytes(ChatKitRequestJson.Request(type, parameters).ToJsonString()), Context, cancellationToken);
        return JsonNode.Parse(Assert.IsType<JsonChatKitResult>(result).Json.Span)!;
    }

    /// <summary>A new thread whose first message carries uploaded attachments (by id).</summary>
    public Task<List<ThreadStreamEvent>> CreateThreadWithAttachmentsAsync(string text, params string[] attachmentIds)
    {
        var input = ChatKitRequestJson.Input(text);
        input["attachments"] = new JsonArray([.. attachmentIds.Select(id => JsonValue.Create(id))]);
        return RunAsync(ChatKitRequestJson.Request("threads.create", new JsonObject { ["input"] = input }), CancellationToken.None);
    }

    /// <summary>attachments.create, then the bytes stored as the upload endpoint would.</summary>
    public async Task<string> UploadAsync(string name, string mimeType, byte[] bytes)
    {
        var created = await JsonAsync("attachments.create", new JsonObject { ["name"] = name, ["size"] = bytes.Length, ["mime_type"] = mimeType });
        var id = created["id"]!.GetValue<string>();
        await Get<IAttachmentBlobStore>().SaveAsync(Context.UserId, id, bytes, CancellationToken.None);
        return id;
    }

    public Task<List<ThreadStreamEvent>> AddUserMessageAsync(string threadId, string text, JsonObject? metadata = null, CancellationToken cancellationToken = default) =>
        RunAsync(ChatKitRequestJson.Request("threads.add_user_message", new JsonObject { ["thread_id"] = threadId, ["input"] = ChatKitRequestJson.Input(text) }, metadata), cancellationToken);

    public Task<List<ThreadStreamEvent>> AddClientToolOutputAsync(string threadId, JsonNode result, CancellationToken cancellationToken = default) =>
        RunAsync(ChatKitRequestJson.Request("threads.add_client_tool_output", new JsonObject { ["thread_id"] = threadId, ["result"] = result }), cancellationToken);

    public Task<List<ThreadStreamEvent>> RetryAsync(string threadId, string itemId, CancellationToken cancellationToken = default) =>
        RunAsync(ChatKitRequestJson.Request("threads.retry_after_item", new JsonObject { ["thread_id"] = threadId, ["item_id"] = itemId }), cancellationToken);

    /// <summary>The thread's stored items, oldest first (hidden ones included).</summary>
    public async Task<List<ThreadItem>> ItemsAsync(string threadId)
    {
        var page = await Store.LoadThreadItemsAsync(threadId, null, 1000, SortOrder.Asc, Context, CancellationToken.None);
        return [.. page.Data];
    }

    /// <summary>Streams one request; <paramref name="onEvent"/> sees each event as it arrives (to stop mid-stream).</summary>
    public async Task<List<ThreadStreamEvent>> RunAsync(JsonObject request, CancellationToken cancellationToken, Action<ThreadStreamEvent>? onEvent = null)
    {
        var events = new List<ThreadStreamEvent>();
        var result = await Server.ProcessAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), Context with { Metadata = request["metadata"]?.DeepClone() as JsonObject ?? [] }, cancellationToken);
        await using var stream = Assert.IsType<StreamingChatKitResult>(result);
        await foreach (var e in stream.WithCancellation(cancellationToken))
        {
            events.Add(e);
            onEvent?.Invoke(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}
