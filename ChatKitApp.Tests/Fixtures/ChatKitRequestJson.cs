using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// ChatKit request bodies as the element sends them, for tests and measurements that go through
/// the JSON the server parses rather than the typed protocol records.
/// </summary>
public static class ChatKitRequestJson
{
    public static JsonObject Request(string type, JsonObject parameters, JsonObject? metadata = null)
    {
        var request = new JsonObject { ["type"] = type, ["params"] = parameters };
        if (metadata is not null)
        {
            // Cloned: a node has one parent, and tests reuse one metadata object across requests.
            request["metadata"] = metadata.DeepClone();
        }

        return request;
    }

    /// <summary>A user message of one text part, without attachments or inference options.</summary>
    public static JsonObject Input(string text, string? quotedText = null)
    {
        var input = new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = text }),
            ["attachments"] = new JsonArray(),
            ["inference_options"] = new JsonObject(),
        };
        if (quotedText is not null)
        {
            input["quoted_text"] = quotedText;
        }

        return input;
    }

    /// <summary>threads.create with <see cref="Input"/> of <paramref name="text"/>.</summary>
    public static JsonObject CreateThread(string text, JsonObject? metadata = null, string? quotedText = null) =>
        Request("threads.create", new JsonObject { ["input"] = Input(text, quotedText) }, metadata);
}
