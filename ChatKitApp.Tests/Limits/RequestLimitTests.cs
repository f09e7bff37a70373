using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Limits;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Limits;

/// <summary>The per-user rate limit and the cap on concurrent streams, through HTTP.</summary>
public sealed class RequestLimitTests
{
    private const string ListBody = """{"type":"threads.list","params":{}}""";
    private const string CreateBody = """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"hi"}],"attachments":[],"inference_options":{}}}}""";

    [Fact]
    public async Task A_burst_over_the_rate_limit_gets_429_with_retry_after_and_the_server_stays_healthy()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:RateLimits:RequestsPerWindow"] = "5", ["ChatKit:RateLimits:RateWindowSeconds"] = "60" });
        using var a = await UserClient.CreateGuestAsync(app);
        using var b = await UserClient.CreateGuestAsync(app);

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(a, ListBody)));

        Assert.Equal(5, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(15, refused.Count);
        Assert.All(refused, r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single()), 1, 60));
        Assert.Equal("rate_limited", (string?)JsonNode.Parse(await refused[0].Content.ReadAsStringAsync())!["error"]!["code"]);
        // Another user has a budget of their own, and the app still answers.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(b, ListBody)).StatusCode);
        using var health = await a.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Uploads_over_the_rate_limit_get_429_while_reading_content_is_not_limited()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:RateLimits:RequestsPerWindow"] = "3", ["ChatKit:RateLimits:RateWindowSeconds"] = "60" });
        using var guest = await UserClient.CreateGuestAsync(app);
        guest.Http.DefaultRequestHeaders.Add(BlobAttachmentStore.RequestMarkerHeader, "1");

        var burst = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            var file = new ByteArrayContent("hello\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            burst.Add(await guest.Http.PostAsync(new Uri("/chatkit/attachments", UriKind.Relative), new MultipartFormDataContent { { file, "file", $"n{i}.txt" } }));
        }

        Assert.Equal(3, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        // Reading what was uploaded is not limited.
        var stored = await burst[0].Content.ReadFromJsonAsync<JsonObject>();
        using var content = await guest.Http.GetAsync(new Uri($"/chatkit/attachments/{stored!["id"]}/content", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
    }

    [Fact]
    public async Task Streams_over_the_per_user_cap_get_429_until_one_ends()
    {
        var release = new TaskCompletionSource();
        await using var app = new ChatKitAppFactory(
            new() { ["ChatKit:RateLimits:MaxConcurrentStreamsPerUser"] = "1" },
            s => s.Respond = (thread, _, _, ct) => HeldReply.Until(release.Task, thread, s, ct));
        using var a = await UserClient.CreateGuestAsync(app);
        using var b = await UserClient.CreateGuestAsync(app);
        var gate = app.Services.GetRequiredService<ChatKitStreamGate>();

        using var first = await SendAsync(a, CreateBody, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await SendAsync(a, CreateBody);
        using var otherUser = await SendAsync(b, CreateBody, HttpCompletionOption.ResponseHeadersRead);
        using var json = await SendAsync(a, ListBody);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("too_many_streams", (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode); // only streams count

        release.SetResult();
        await first.Content.ReadAsStringAsync();
        await otherUser.Content.ReadAsStringAsync();
        for (var i = 0; i < 100 && gate.OpenStreams(a.UserId) > 0; i++)
        {
            await Task.Delay(20);
        }

        using var third = await SendAsync(a, CreateBody);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(0, gate.OpenStreams(a.UserId));
    }

    private static Task<HttpResponseMessage> SendAsync(UserClient user, string body, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(body, Encoding.UTF8, "application/json") }, completion);
}
