using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Limits;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Limits;

/// <summary>Limits per client address, through HTTP: guests created, and streams open, by one machine whatever its users.</summary>
public sealed class ClientAddressLimitTests
{
    private const string Attacker = "203.0.113.7";
    private const string Neighbour = "198.51.100.20";
    private const string CreateBody = """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"hi"}],"attachments":[],"inference_options":{}}}}""";

    [Fact]
    public async Task Page_visits_from_one_address_stop_creating_guests_at_the_limit_and_get_429_with_retry_after()
    {
        await using var root = new ChatKitAppFactory(new() { ["ChatKit:RateLimits:NewGuestsPerAddress"] = "3", ["ChatKit:RateLimits:NewGuestsWindow"] = "00:10:00" });
        await using var app = root.WithClientAddresses();
        using var cookieless = app.CreateDefaultClient(ClientAddresses.From(Attacker)); // a script that drops every cookie

        var visits = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            visits.Add(await cookieless.SendAsync(PageRequest()));
        }

        Assert.Equal(3, visits.Count(SetsAuthCookie));
        Assert.All(visits.Take(3), v => Assert.Equal(HttpStatusCode.OK, v.StatusCode));
        var refused = visits.Skip(3).ToList();
        Assert.All(refused, v =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, v.StatusCode);
            Assert.False(SetsAuthCookie(v));
            Assert.InRange(int.Parse(v.Headers.GetValues("Retry-After").Single()), 1, 600);
            Assert.Equal("text/html", v.Content.Headers.ContentType!.MediaType);
        });
        Assert.Contains("Too many new visitors", await refused[0].Content.ReadAsStringAsync());

        // Not a browser page: the JSON error.
        using var api = await cookieless.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("too_many_guests", (string?)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["error"]!["code"]);

        // Another address still gets its guest.
        using var neighbour = app.CreateDefaultClient(ClientAddresses.From(Neighbour));
        using var welcomed = await neighbour.SendAsync(PageRequest());
        Assert.Equal(HttpStatusCode.OK, welcomed.StatusCode);
        Assert.True(SetsAuthCookie(welcomed));
    }

    [Fact]
    public async Task Page_visits_with_a_guest_cookie_do_not_count_against_the_address()
    {
        await using var root = new ChatKitAppFactory(new() { ["ChatKit:RateLimits:NewGuestsPerAddress"] = "1" });
        await using var app = root.WithClientAddresses();
        using var browser = await UserClient.CreateGuestAsync(app, ClientAddresses.From(Attacker)); // the address's one guest

        for (var i = 0; i < 5; i++)
        {
            using var page = await browser.Http.SendAsync(PageRequest());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var stranger = app.CreateDefaultClient(ClientAddresses.From(Attacker));
        using var refused = await stranger.SendAsync(PageRequest());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Streams_from_one_address_over_the_address_cap_get_429_while_another_address_streams()
    {
        var release = new TaskCompletionSource();
        await using var root = new ChatKitAppFactory(
            new() { ["ChatKit:RateLimits:MaxConcurrentStreamsPerAddress"] = "2", ["ChatKit:RateLimits:MaxConcurrentStreamsPerUser"] = "3" },
            s => s.Respond = (thread, _, _, ct) => HeldReply.Until(release.Task, thread, s, ct));
        await using var app = root.WithClientAddresses();
        var users = new List<UserClient>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await UserClient.CreateGuestAsync(app, ClientAddresses.From(Attacker)));
        }

        using var neighbour = await UserClient.CreateGuestAsync(app, ClientAddresses.From(Neighbour));
        var gate = app.Services.GetRequiredService<ChatKitStreamGate>();

        using var first = await StreamAsync(users[0]);
        using var second = await StreamAsync(users[1]);
        using var third = await StreamAsync(users[2]); // a third user, under their own cap, on the same address
        using var elsewhere = await StreamAsync(neighbour);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var error = JsonNode.Parse(await third.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("too_many_streams", (string?)error["code"]);
        Assert.Contains("network address", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(0, gate.OpenStreams(users[2].UserId)); // the refused user holds no slot

        release.SetResult();
        await first.Content.ReadAsStringAsync();
        await second.Content.ReadAsStringAsync();
        await elsewhere.Content.ReadAsStringAsync();
        // The slots are given back after the response's last byte, on the server's side of the connection.
        for (var i = 0; i < 100 && gate.OpenStreamsFrom(IPAddress.Parse(Attacker)) > 0; i++)
        {
            await Task.Delay(20);
        }

        using var again = await StreamAsync(users[2]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        foreach (var user in users)
        {
            user.Dispose();
        }
    }

    [Theory]
    [InlineData("ChatKit:RateLimits:NewGuestsPerAddress", "-1")]
    [InlineData("ChatKit:RateLimits:NewGuestsWindow", "00:00:00")]
    [InlineData("ChatKit:RateLimits:MaxConcurrentStreamsPerAddress", "-1")]
    public async Task An_invalid_per_address_limit_stops_the_app_at_start_up_naming_the_setting(string setting, string value)
    {
        var error = ChatKitAppFactory.StartupFailure(new() { [setting] = value });

        Assert.Contains(setting.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage PageRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".ChatKitApp.Auth=", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> StreamAsync(UserClient user) =>
        user.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = new StringContent(CreateBody, Encoding.UTF8, "application/json") },
            HttpCompletionOption.ResponseHeadersRead);
}
