using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>The chat API around /chatkit (export, share links) and the requests tests make around it.</summary>
public static class ChatApiHttp
{
    /// <summary>POST /api/chats/{id}/share; the link's path, after checking the answer is 200.</summary>
    public static async Task<string> ShareAsync(this HttpClient http, string threadId)
    {
        using var response = await http.PostAsync(new Uri($"/api/chats/{threadId}/share", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["url"]!;
    }

    /// <summary>The answer's status and, for a JSON error, its code.</summary>
    public static async Task<(int Status, string? Code)> StatusAndCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var code = response.Content.Headers.ContentType?.MediaType == "application/json" && body.Length > 0
            ? (string?)JsonNode.Parse(body)?["error"]?["code"]
            : null;
        return ((int)response.StatusCode, code);
    }

    /// <summary>A ChatKit JSON request; fails the test unless it answers 200. The parsed answer.</summary>
    public static async Task<JsonNode> ChatKitJsonAsync(this HttpClient http, JsonObject request)
    {
        using var response = await http.PostAsJsonAsync("/chatkit", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A streaming ChatKit request read to its end; fails the test on an error event.</summary>
    public static async Task StreamAsync(this HttpClient http, JsonObject request)
    {
        using var response = await http.PostAsJsonAsync("/chatkit", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        Assert.DoesNotContain(SseReader.Parse(body), e => (string?)e["type"] == "error");
    }
}
