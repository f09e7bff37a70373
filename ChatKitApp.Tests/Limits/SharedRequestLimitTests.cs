using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ChatKitApp.Tests.Limits;

/// <summary>
/// Two app instances (in-process hosts) on one shared store, one user whose requests alternate
/// between them: the per-user rate limit and the stream cap are one budget, not one per instance.
/// The subclasses name the store.
/// </summary>
public abstract class SharedRequestLimitTests
{
    private const string ListBody = """{"type":"threads.list","params":{}}""";
    private const string CreateBody = """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"hi"}],"attachments":[],"inference_options":{}}}}""";

    /// <summary>The settings that put both instances on the shared store (a fresh one per test).</summary>
    protected abstract Task<Dictionary<string, string?>> SharedStoreSettingsAsync();

    /// <summary>How many request counters the shared store holds: proof the count lives there.</summary>
    protected abstract Task<long> RequestCountersAsync();

    [Fact]
    public async Task A_users_requests_alternating_between_two_instances_hit_the_limit_once()
    {
        var settings = await SharedStoreSettingsAsync();
        settings["ChatKit:RateLimits:RequestsPerWindow"] = "5";
        settings["ChatKit:RateLimits:RateWindowSeconds"] = "3600";
        await using var one = new ChatKitAppFactory(settings);
        await using var two = new ChatKitAppFactory(settings);
        var (onOne, onTwo) = await SignInOnBothAsync(one, two);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await SendAsync(i % 2 == 0 ? onOne : onTwo, ListBody));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], answers.Select(a => a.StatusCode));
        Assert.All(answers.Skip(5), r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single()), 1, 3600));
        Assert.Equal("rate_limited", (string?)JsonNode.Parse(await answers[^1].Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.True(await RequestCountersAsync() > 0);
    }

    [Fact]
    public async Task A_stream_cap_of_one_holds_across_two_instances_until_the_stream_ends()
    {
        var settings = await SharedStoreSettingsAsync();
        settings["ChatKit:RateLimits:MaxConcurrentStreamsPerUser"] = "1";
        var release = new TaskCompletionSource();
        await using var one = new ChatKitAppFactory(settings, s => s.Respond = (thread, _, _, ct) => HeldReply.Until(release.Task, thread, s, ct));
        await using var two = new ChatKitAppFactory(settings, s => s.Respond = (thread, _, _, ct) => HeldReply.Until(release.Task, thread, s, ct));
        var (onOne, onTwo) = await SignInOnBothAsync(one, two);

        using var held = await SendAsync(onOne, CreateBody, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        using var refused = await SendAsync(onTwo, CreateBody);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too_many_streams", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]);

        // The slot is given back before the response completes, so once the stream is read to its end
        // the other instance admits the next one, with no wait.
        release.SetResult();
        await held.Content.ReadAsStringAsync();
        using var next = await SendAsync(onTwo, CreateBody);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    /// <summary>A guest signed in on <paramref name="one"/>, and a client for each instance carrying its cookie.</summary>
    private static async Task<(HttpClient OnOne, HttpClient OnTwo)> SignInOnBothAsync(ChatKitAppFactory one, ChatKitAppFactory two)
    {
        var guest = await UserClient.CreateGuestAsync(one);
        var onTwo = two.CreateDefaultClient(new CookieContainerHandler(guest.Cookies));
        return (guest.Http, onTwo);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string body, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(body, Encoding.UTF8, "application/json") }, completion);
}
