using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Bench;

/// <summary>
/// The model path with the fake OpenAI-compatible provider answering instantly (in-memory store):
/// time from the provider's first chunk to the first assistant delta, and server cost per delta.
/// </summary>
internal static class AgentLatency
{
    private const int LatencyRuns = 300;
    private const int Warmup = 30;
    private const int Deltas = 2000;

    public static async Task RunAsync()
    {
        await FirstDeltaAsync();
        await PerDeltaAsync();
    }

    private static async Task FirstDeltaAsync()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:GenerateTitles"] = "false" });
        var sinceChunk = new List<double>();
        var sinceRequest = new List<double>();
        for (var i = 0; i < Warmup + LatencyRuns; i++)
        {
            harness.Fake!.Enqueue(FakeReply.Text("Hi", " there"));
            var start = Stopwatch.GetTimestamp();
            long firstDelta = 0;
            await harness.RunAsync(ChatKitRequestJson.CreateThread("Hello"), CancellationToken.None, e =>
            {
                if (firstDelta == 0 && e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta })
                {
                    firstDelta = Stopwatch.GetTimestamp();
                }
            });
            if (i >= Warmup)
            {
                sinceChunk.Add(Stopwatch.GetElapsedTime(harness.Fake.QueuedRequests[^1].FirstChunkTimestamp, firstDelta).TotalMilliseconds);
                sinceRequest.Add(Stopwatch.GetElapsedTime(start, firstDelta).TotalMilliseconds);
            }
        }

        Console.WriteLine($"first delta after the provider's first chunk: {Percentiles.Summary(sinceChunk)}");
        Console.WriteLine($"first delta after request start:              {Percentiles.Summary(sinceRequest)}");
    }

    private static async Task PerDeltaAsync()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:GenerateTitles"] = "false" });
        var reply = FakeReply.Text([.. Enumerable.Range(0, Deltas).Select(i => $"w{i % 10} ")]);
        var client = harness.Get<IChatClient>();
        var sdk = new List<double>();
        var turn = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            harness.Fake!.Enqueue(reply);
            var start = Stopwatch.GetTimestamp();
            await foreach (var _ in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")]))
            {
            }

            sdk.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            harness.Fake.Enqueue(reply);
            start = Stopwatch.GetTimestamp();
            await RunToSseAsync(harness);
            turn.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // Two warm-up rounds dropped.
        var sdkMedian = Percentiles.Of(sdk[2..], 0.5);
        var turnMedian = Percentiles.Of(turn[2..], 0.5);
        Console.WriteLine($"{Deltas} deltas: SDK alone {sdkMedian:F1} ms, whole turn to SSE bytes {turnMedian:F1} ms => {(turnMedian - sdkMedian) * 1000 / Deltas:F1} µs per delta on the server");
    }

    private static async Task RunToSseAsync(AgentHarness harness)
    {
        var pipe = new Pipe();
        var drain = Task.Run(async () =>
        {
            while (true)
            {
                var read = await pipe.Reader.ReadAsync();
                pipe.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        });
        var result = await harness.Server.ProcessAsync(Encoding.UTF8.GetBytes(ChatKitRequestJson.CreateThread("go").ToJsonString()), harness.Context, CancellationToken.None);
        await using (var stream = (StreamingChatKitResult)result)
        using (var writer = new SseWriter(pipe.Writer))
        {
            await foreach (var e in stream)
            {
                await writer.WriteAsync(e, CancellationToken.None);
            }
        }

        await pipe.Writer.CompleteAsync();
        await drain;
    }
}
