using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace ChatKitApp.Tests.Agents;

/// <summary>
/// Server-side cost of the model path with the fake provider answering instantly: time from the
/// provider's first chunk to the first assistant delta, and overhead per streamed delta. Prints numbers.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class AgentBenchmarks(ITestOutputHelper output)
{
    private const int LatencyRuns = 300;
    private const int Warmup = 30;
    private const int Deltas = 2000;

    [BenchmarkFact]
    public async Task First_delta_after_the_providers_first_chunk()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:GenerateTitles"] = "false" });
        var sinceChunk = new List<double>();
        var sinceRequest = new List<double>();
        for (var i = 0; i < Warmup + LatencyRuns; i++)
        {
            harness.Fake!.Enqueue(FakeReply.Text("Hi", " there"));
            var start = Stopwatch.GetTimestamp();
            long firstDelta = 0;
            await harness.RunAsync(
                AgentHarness.Request("threads.create", new JsonObject { ["input"] = OpenAIAgentTests.Input("Hello") }, null),
                CancellationToken.None,
                e =>
                {
                    if (firstDelta == 0 && e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta })
                    {
                        firstDelta = Stopwatch.GetTimestamp();
                    }
                });
            if (i >= Warmup)
            {
                var chunk = harness.Fake.QueuedRequests[^1].FirstChunkTimestamp;
                sinceChunk.Add(Stopwatch.GetElapsedTime(chunk, firstDelta).TotalMilliseconds);
                sinceRequest.Add(Stopwatch.GetElapsedTime(start, firstDelta).TotalMilliseconds);
            }
        }

        output.WriteLine($"first delta after provider's first chunk: {Summary(sinceChunk)}");
        output.WriteLine($"first delta after request start:          {Summary(sinceRequest)}");
    }

    [BenchmarkFact]
    public async Task Overhead_per_streamed_delta()
    {
        await using var harness = await AgentHarness.StartAsync(new() { ["ChatKit:Model:GenerateTitles"] = "false" });
        var reply = FakeReply.Text([.. Enumerable.Range(0, Deltas).Select(i => $"w{i % 10} ")]);
        var client = harness.Get<IChatClient>();
        var raw = new List<double>();
        var pipeline = new List<double>();
        var wire = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            harness.Fake!.Enqueue(reply);
            var start = Stopwatch.GetTimestamp();
            var count = 0;
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")]))
            {
                count += update.Text.Length > 0 ? 1 : 0;
            }

            raw.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Assert.Equal(Deltas, count);

            harness.Fake.Enqueue(reply);
            start = Stopwatch.GetTimestamp();
            var events = await harness.CreateThreadAsync("go");
            pipeline.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Assert.Equal(Deltas, events.Count(e => e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta }));

            harness.Fake.Enqueue(reply);
            start = Stopwatch.GetTimestamp();
            await RunToSseAsync(harness);
            wire.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        double Median(List<double> xs) => xs.Skip(2).Order().ElementAt((xs.Count - 2) / 2);
        output.WriteLine($"{Deltas} deltas, median of 5 after 2 warm-ups");
        output.WriteLine($"SDK + IChatClient pipeline alone:            {Median(raw):F1} ms");
        output.WriteLine($"whole turn through ChatKitServer:            {Median(pipeline):F1} ms  => {(Median(pipeline) - Median(raw)) * 1000 / Deltas:F1} µs/delta over the SDK");
        output.WriteLine($"same, plus SSE serialization (SseWriter):    {Median(wire):F1} ms  => {(Median(wire) - Median(raw)) * 1000 / Deltas:F1} µs/delta over the SDK");
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
        var request = AgentHarness.Request("threads.create", new JsonObject { ["input"] = OpenAIAgentTests.Input("go") }, null);
        var result = await harness.Server.ProcessAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), harness.Context, CancellationToken.None);
        await using var stream = (StreamingChatKitResult)result;
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

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToList();
        double P(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
        return $"p50 {P(0.5):F3} ms, p90 {P(0.9):F3} ms, p99 {P(0.99):F3} ms (n={values.Count})";
    }
}
