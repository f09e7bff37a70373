using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>
/// Request framing only a real socket can break, on POST /chatkit, in Development and Production:
/// a 400 JSON error, not a 500, the exception page or the HTML error page.
/// </summary>
public sealed class BrokenFramingTests : IAsyncLifetime
{
    private readonly Dictionary<string, KestrelApp> _apps = [];

    public async Task InitializeAsync()
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            _apps[environment] = await KestrelApp.StartAsync(environment);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Development", "ffffffffffffffff")]
    [InlineData("Production", "ffffffffffffffff")]
    [InlineData("Development", "100000000")] // past int.MaxValue
    [InlineData("Production", "zz")]
    public async Task Chunk_size_that_is_not_a_size_is_a_json_400_and_stores_nothing(string environment, string chunkSize)
    {
        var app = _apps[environment];
        var json = ChatKitRequestJson.CreateThread("Hello").ToJsonString();

        var response = await app.SendRawAsync(
            "POST /chatkit HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
            Encoding.UTF8.GetBytes($"{chunkSize}\r\n{json}\r\n0\r\n\r\n"));

        Assert.True(response.Status == 400, $"{response.Status} {response.Body}");
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("bad_request_body", (string?)JsonNode.Parse(response.Body)!["error"]!["code"]);
        Assert.Empty(await app.Http.ListThreadIdsAsync());
    }
}
