using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>A scripted server over a fresh MemoryStore, with shorthands for requests and results.</summary>
public sealed class ServerHarness
{
    public ServerHarness(
        IAttachmentStore<ChatKitRequestContext>? attachments = null,
        ChatKitLimits? limits = null,
        IChatKitStore<ChatKitRequestContext>? store = null,
        IChatKitTransientFailures? transientFailures = null)
    {
        Store = store ?? new MemoryStore<ChatKitRequestContext>();
        Server = new ScriptedChatKitServer(Store, attachments, limits, transientFailures: transientFailures);
    }

    public static ChatKitRequestContext Alice { get; } = new("alice");

    public static ChatKitRequestContext Bob { get; } = new("bob");

    public IChatKitStore<ChatKitRequestContext> Store { get; }

    public ScriptedChatKitServer Server { get; }

    public static UserMessageInput Input(string text, string? quotedText = null, IReadOnlyList<string>? attachments = null, InferenceOptions? options = null) => new()
    {
        Content = [new UserMessageTextContent(text)],
        Attachments = attachments ?? [],
        QuotedText = quotedText,
        InferenceOptions = options ?? new InferenceOptions(),
    };

    public static ThreadsCreateRequest Create(string text = "Hello", string? quotedText = null) =>
        new() { Params = new ThreadCreateParams { Input = Input(text, quotedText) } };

    /// <summary>Runs a streaming request to the end and returns its events.</summary>
    public async Task<List<ThreadStreamEvent>> StreamAsync(ChatKitRequest request, ChatKitRequestContext? context = null, CancellationToken cancellationToken = default)
    {
        var result = await Server.ProcessAsync(request, context ?? Alice, cancellationToken);
        var stream = Assert.IsType<StreamingChatKitResult>(result);
        var events = new List<ThreadStreamEvent>();
        await using (stream)
        {
            await foreach (var e in stream.WithCancellation(cancellationToken))
            {
                events.Add(e);
            }
        }

        return events;
    }

    /// <summary>Runs a JSON request and returns its parsed body.</summary>
    public async Task<JsonNode> JsonAsync(ChatKitRequest request, ChatKitRequestContext? context = null)
    {
        var result = await Server.ProcessAsync(request, context ?? Alice, CancellationToken.None);
        var json = Assert.IsType<JsonChatKitResult>(result);
        return JsonNode.Parse(json.Json.Span)!;
    }

    public async Task<T> JsonAsync<T>(ChatKitRequest request, ChatKitRequestContext? context = null)
    {
        var result = await Server.ProcessAsync(request, context ?? Alice, CancellationToken.None);
        var json = Assert.IsType<JsonChatKitResult>(result);
        return JsonSerializer.Deserialize(json.Json.Span, ChatKitJson.WireType<T>())!;
    }

    /// <summary>Creates a thread (the responder yields nothing) and returns its id.</summary>
    public async Task<string> NewThreadAsync(ChatKitRequestContext? context = null, string text = "Hello")
    {
        var saved = Server.Respond;
        Server.Respond = (_, _, _, ct) => ScriptedChatKitServer.Nothing(ct);
        var events = await StreamAsync(Create(text), context);
        Server.Respond = saved;
        return Assert.IsType<ThreadCreatedEvent>(events[0]).Thread.Id;
    }

    public async Task<List<ThreadItem>> AllItemsAsync(string threadId, ChatKitRequestContext? context = null) =>
        [.. (await Store.LoadThreadItemsAsync(threadId, null, 1000, SortOrder.Asc, context ?? Alice, CancellationToken.None)).Data];

    public AssistantMessageItem Assistant(string threadId, string text, string? id = null) => new()
    {
        Id = id ?? ChatKitIds.New(StoreItemType.Message),
        ThreadId = threadId,
        CreatedAt = Server.Now(),
        Content = [new AssistantMessageContent { Text = text }],
    };
}
