using System.Text;
using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>Reads a ChatKit SSE body strictly: only <c>data: {json}\n\n</c> frames are allowed.</summary>
public static class SseReader
{
    public static List<JsonObject> Parse(string body)
    {
        var frames = body.Split("\n\n");
        Assert.Equal("", frames[^1]); // the body ends with a complete frame
        return [.. frames[..^1].Select(ParseFrame)];
    }

    public static JsonObject ParseFrame(string frame)
    {
        Assert.StartsWith("data: {", frame, StringComparison.Ordinal);
        Assert.EndsWith("}", frame, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', frame);
        return JsonNode.Parse(frame["data: ".Length..])!.AsObject();
    }

    /// <summary>Reads frames one at a time from a live response stream.</summary>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var frame = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                yield return ParseFrame(frame.ToString());
                frame.Clear();
            }
            else
            {
                frame.Append(line);
            }
        }
    }
}
