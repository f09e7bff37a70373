using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A <see cref="FakeReply"/> as the Responses API streams it: a reasoning item whose summary arrives
/// in deltas (<see cref="FakeReply.Reasoning"/>), then a message item with the text deltas.
/// </summary>
public static class FakeResponsesStream
{
    public static async Task WriteAsync(HttpResponse response, FakeReply reply, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        var sequence = 0;
        async Task SendAsync(string type, JsonObject body)
        {
            if (reply.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(reply.ChunkDelay, cancellationToken);
            }

            body["type"] = type;
            body["sequence_number"] = sequence++;
            await response.WriteAsync($"event: {type}\ndata: {body.ToJsonString()}\n\n", Encoding.UTF8, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        var output = new JsonArray();
        await SendAsync("response.created", new JsonObject { ["response"] = Response("in_progress", []) });
        var index = 0;
        if (reply.Reasoning.Count > 0)
        {
            var summary = string.Concat(reply.Reasoning);
            await SendAsync("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = new JsonObject { ["type"] = "reasoning", ["id"] = "rs_1", ["summary"] = new JsonArray() } });
            await SendAsync("response.reasoning_summary_part.added", new JsonObject { ["item_id"] = "rs_1", ["output_index"] = index, ["summary_index"] = 0, ["part"] = new JsonObject { ["type"] = "summary_text", ["text"] = "" } });
            foreach (var delta in reply.Reasoning)
            {
                await SendAsync("response.reasoning_summary_text.delta", new JsonObject { ["item_id"] = "rs_1", ["output_index"] = index, ["summary_index"] = 0, ["delta"] = delta });
            }

            await SendAsync("response.reasoning_summary_text.done", new JsonObject { ["item_id"] = "rs_1", ["output_index"] = index, ["summary_index"] = 0, ["text"] = summary });
            var done = new JsonObject { ["type"] = "reasoning", ["id"] = "rs_1", ["summary"] = new JsonArray(new JsonObject { ["type"] = "summary_text", ["text"] = summary }) };
            await SendAsync("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = done });
            output.Add(done.DeepClone());
            index++;
        }

        var text = string.Concat(reply.Deltas);
        await SendAsync("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = Message("in_progress", "") });
        await SendAsync("response.content_part.added", new JsonObject { ["item_id"] = "msg_1", ["output_index"] = index, ["content_index"] = 0, ["part"] = Part("") });
        foreach (var delta in reply.Deltas)
        {
            await SendAsync("response.output_text.delta", new JsonObject { ["item_id"] = "msg_1", ["output_index"] = index, ["content_index"] = 0, ["delta"] = delta });
        }

        await SendAsync("response.output_text.done", new JsonObject { ["item_id"] = "msg_1", ["output_index"] = index, ["content_index"] = 0, ["text"] = text });
        await SendAsync("response.content_part.done", new JsonObject { ["item_id"] = "msg_1", ["output_index"] = index, ["content_index"] = 0, ["part"] = Part(text) });
        await SendAsync("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = Message("completed", text) });
        output.Add(Message("completed", text));
        await SendAsync("response.completed", new JsonObject { ["response"] = Response("completed", output) });
    }

    private static JsonObject Response(string status, JsonArray output) => new()
    {
        ["id"] = "resp_1",
        ["object"] = "response",
        ["created_at"] = 1_700_000_000,
        ["status"] = status,
        ["model"] = "fake-model",
        ["output"] = output,
        ["usage"] = new JsonObject { ["input_tokens"] = 1, ["output_tokens"] = 1, ["total_tokens"] = 2 },
    };

    private static JsonObject Message(string status, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "msg_1",
        ["role"] = "assistant",
        ["status"] = status,
        ["content"] = text.Length == 0 ? new JsonArray() : new JsonArray(Part(text)),
    };

    private static JsonObject Part(string text) => new() { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() };
}
