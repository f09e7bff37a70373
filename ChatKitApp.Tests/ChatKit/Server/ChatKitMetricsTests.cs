using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The engine's instruments as an app records them: turns, time to first token, streams, errors and rejections.</summary>
public sealed class ChatKitMetricsTests : IDisposable
{
    private readonly MetricCapture _metrics = new(ChatKitTelemetry.SourceName);

    [Fact]
    public async Task A_turn_records_one_turn_its_time_to_first_token_and_its_stream_which_is_closed_after()
    {
        await using var app = new ChatKitAppFactory();
        using var user = await UserClient.CreateGuestAsync(app);

        await user.Http.CreateThreadAsync("Count me");

        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var turn = Assert.Single(_metrics.Of(meters, "chatkit.turns"));
        Assert.Equal("threads.create", turn.Tags[ChatKitTelemetry.RequestTypeTag]);
        Assert.Equal("ok", turn.Tags[ChatKitTelemetry.OutcomeTag]);
        Assert.True(Assert.Single(_metrics.Of(meters, "chatkit.turn.time_to_first_token")).Value > 0);
        Assert.True(Assert.Single(_metrics.Of(meters, "chatkit.stream.duration")).Value > 0);
        Assert.Equal([1, -1], _metrics.Of(meters, "chatkit.streams.open").Select(m => m.Value));
        Assert.Empty(_metrics.Of(meters, "chatkit.errors"));
    }

    [Fact]
    public async Task Error_answers_count_by_code_and_a_429_counts_as_a_rate_limit_rejection()
    {
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?> { ["ChatKit:RateLimits:RequestsPerWindow"] = "1" });
        using var user = await UserClient.CreateGuestAsync(app);
        var missing = ChatKitRequestJson.Request("threads.get_by_id", new JsonObject { ["thread_id"] = "thr_missing" });

        using (var notFound = await user.Http.PostAsJsonAsync("/chatkit", missing))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        using (var limited = await user.Http.PostAsJsonAsync("/chatkit", missing))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var errors = _metrics.Of(meters, "chatkit.errors").Select(m => ((string?)m.Tags[ChatKitTelemetry.ErrorCodeTag], m.Tags["http.response.status_code"])).ToList();
        Assert.Equal([("not_found", (object?)404), ("rate_limited", 429)], errors);
        var rejection = Assert.Single(_metrics.Of(meters, "chatkit.rate_limit.rejections"));
        Assert.Equal("rate_limited", rejection.Tags[ChatKitTelemetry.ErrorCodeTag]);
    }

    public void Dispose() => _metrics.Dispose();
}
