using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Setting up and reading a user's threads through POST /chatkit, with the client's cookies (for a
/// <see cref="UserClient"/>, its <see cref="UserClient.Http"/>).
/// </summary>
public static class ChatKitHttp
{
    /// <summary>threads.create with one text message; the id of the new thread, after checking the stream is clean.</summary>
    public static async Task<string> CreateThreadAsync(this HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.CreateThread(text));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        var events = SseReader.Parse(body);
        Assert.DoesNotContain(events, e => (string?)e["type"] == "error");
        return (string)events.Single(e => (string?)e["type"] == "thread.created")["thread"]!["id"]!;
    }

    /// <summary>attachments.create for a five-byte text file; the new attachment's id (not yet uploaded).</summary>
    public static async Task<string> CreateAttachmentAsync(this HttpClient http)
    {
        using var created = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request(
            "attachments.create", new JsonObject { ["name"] = "notes.txt", ["size"] = 5, ["mime_type"] = "text/plain" }));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.OK, $"{(int)created.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    /// <summary>The ids threads.list answers, in its order; fails the test unless the list answers.</summary>
    public static async Task<List<string>> ListThreadIdsAsync(this HttpClient http)
    {
        // Above any count a test creates, so a page boundary never hides a thread.
        var request = ChatKitRequestJson.Request("threads.list", new JsonObject { ["limit"] = 100 });
        using var response = await http.PostAsJsonAsync("/chatkit", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return [.. JsonNode.Parse(body)!["data"]!.AsArray().Select(t => (string)t!["id"]!)];
    }
}
