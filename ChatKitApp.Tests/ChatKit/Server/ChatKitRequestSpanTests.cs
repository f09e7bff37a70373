using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>
/// The span the endpoint makes for each ChatKit request: named after the request's type, tagged
/// with its thread and how it ended. Spans are picked by trace or thread id, since the listener
/// also hears the requests of tests running beside these.
/// </summary>
public sealed class ChatKitRequestSpanTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public ChatKitRequestSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatKitTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_request_failing_in_the_store_ends_its_span_failed_with_the_code_and_the_exception()
    {
        await using var app = new ChatKitAppFactory
        {
            TestServices = services => services.AddSingleton(FailingStore.Wrap(
                new MemoryStore<ChatKitRequestContext>(), (method, _) => method == nameof(IChatKitStore<ChatKitRequestContext>.LoadThreadsAsync))),
        };
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.list", []));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var traceId = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["trace_id"]!;
        var span = Assert.Single(_spans, s => s.TraceId.ToHexString() == traceId);
        Assert.Equal("threads.list", span.DisplayName);
        Assert.Equal("threads.list", span.GetTagItem(ChatKitTelemetry.RequestTypeTag));
        Assert.Equal("failed", span.GetTagItem(ChatKitTelemetry.OutcomeTag));
        Assert.Equal("internal_error", span.GetTagItem(ChatKitTelemetry.ErrorCodeTag));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Contains(span.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task A_request_for_a_missing_thread_ends_its_span_rejected_with_the_thread_and_no_error_status()
    {
        await using var app = new ChatKitAppFactory();
        using var user = await UserClient.CreateGuestAsync(app);
        var threadId = $"thr_{Guid.NewGuid():N}";

        using var response = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = threadId }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var span = Assert.Single(_spans, s => (string?)s.GetTagItem(ChatKitTelemetry.ThreadIdTag) == threadId);
        Assert.Equal("items.list", span.DisplayName);
        Assert.Equal("rejected", span.GetTagItem(ChatKitTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    public void Dispose() => _listener.Dispose();
}
