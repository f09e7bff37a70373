using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>Reads a request body into a typed request, turning every kind of bad input into a clear 400.</summary>
public static partial class ChatKitRequestParser
{
    private static readonly string ProtocolNamespace = typeof(ChatKitRequest).Namespace + ".";

    public static ChatKitRequest Parse(ReadOnlySpan<byte> body)
    {
        RequestJsonRules.Check(body);

        try
        {
            return JsonSerializer.Deserialize(body, ChatKitJson.RequestType<ChatKitRequest>())
                ?? throw ChatKitRequestException.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw ChatKitRequestException.BadRequest(DescribeTypeProblem(body) ?? DescribeNull(body, ex.Path) ?? Malformed(ex));
        }
        catch (NotSupportedException)
        {
            // System.Text.Json cannot build the abstract request when 'type' is missing or unknown.
            throw ChatKitRequestException.BadRequest(DescribeTypeProblem(body) ?? "Malformed request.");
        }
    }

    private static string Malformed(JsonException ex)
    {
        var message = $"Malformed request: {ex.Message.Replace(ProtocolNamespace, "", StringComparison.Ordinal)}";
        // Some messages (a missing required member, a null element) do not say where; the path does.
        return ex.Path is { } path && !message.Contains(path, StringComparison.Ordinal) ? $"{message} Path: {path}" : message;
    }

    /// <summary>Says what is wrong with the top-level <c>type</c>, or null when it names a known request.</summary>
    private static string? DescribeTypeProblem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "The request body must be a JSON object.";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    var type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return type is not null && KnownTypes.Contains(type) ? null : $"Unknown request type '{type}'.";
                }

                reader.Skip();
            }

            return "The request has no 'type'.";
        }
        catch (JsonException)
        {
            return null; // not JSON at all: the serializer's message says where
        }
    }

    /// <summary>
    /// Says which member is null when the serializer stopped at a JSON <c>null</c> (its own message
    /// names C# types and advises changing their annotations, which helps no client); otherwise null.
    /// </summary>
    private static string? DescribeNull(ReadOnlySpan<byte> body, string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        // Paths look like $.params.input.content[0].text, or $['odd key'] for names with special characters.
        var segments = PathSegment().Matches(path, 1);
        if (segments.Count == 0 || segments.Sum(s => s.Length) != path.Length - 1)
        {
            return null;
        }

        foreach (Match segment in segments)
        {
            if (segment.Groups["index"].Success)
            {
                if (node is not JsonArray array || !int.TryParse(segment.Groups["index"].ValueSpan, CultureInfo.InvariantCulture, out var index) || index >= array.Count)
                {
                    return null;
                }

                node = array[index];
            }
            else if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment.Groups["name"].Value, out node))
            {
                return null;
            }
        }

        return node is null ? $"Malformed request: '{path}' must not be null." : null;
    }

    [GeneratedRegex(@"\G(?:\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\])")]
    private static partial Regex PathSegment();

    private static readonly HashSet<string> KnownTypes =
    [
        "threads.create", "threads.add_user_message", "threads.add_client_tool_output", "threads.add_structured_input",
        "threads.retry_after_item", "threads.custom_action", "threads.sync_custom_action", "threads.get_by_id",
        "threads.list", "threads.update", "threads.delete", "items.list", "items.feedback", "attachments.create",
        "attachments.delete", "input.transcribe",
    ];
}
