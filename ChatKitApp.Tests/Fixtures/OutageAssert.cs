using System.Net;
using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>What a request answers while the database is away.</summary>
public static class OutageAssert
{
    /// <summary>503 with <c>Retry-After</c> and <c>{"error":{"code":"unavailable",…}}</c>.</summary>
    public static async Task UnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} {body}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Equal("unavailable", (string?)JsonNode.Parse(body)!["error"]!["code"]);
    }
}
