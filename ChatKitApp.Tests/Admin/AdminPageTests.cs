using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static ChatKitApp.Tests.Fixtures.AccountForms;

namespace ChatKitApp.Tests.Admin;

/// <summary>
/// <c>/admin</c> over HTTP with the real model path against the fake OpenAI server: who may see
/// it, the feedback with its rated turns, and the daily numbers of the turns the test runs.
/// Subclasses run it on each store.
/// </summary>
public abstract partial class AdminPageTests
{
    private const string Password = "correct horse battery";

    private readonly string _adminEmail = $"ops-{Guid.NewGuid():N}@example.com";

    protected abstract Dictionary<string, string?> StoreSettings();

    [Fact]
    public async Task Admin_is_404_for_a_guest_and_for_an_account_not_listed()
    {
        await using var fake = await FakeOpenAIServer.StartAsync();
        await using var app = CreateApp(fake);
        using var guest = await UserClient.CreateGuestAsync(app);
        using var other = await UserClient.CreateGuestAsync(app);
        (await SubmitAsync(other.Http, "/account/register", $"someone-{Guid.NewGuid():N}@example.com", Password)).Dispose();

        using var asGuest = await guest.Http.GetAsync(new Uri("/admin", UriKind.Relative));
        using var asAccount = await other.Http.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, asGuest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asAccount.StatusCode);
        Assert.DoesNotContain("Operator view", await asAccount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_feedback_negative_first_with_the_rated_turns_and_the_days_numbers()
    {
        await using var fake = await FakeOpenAIServer.StartAsync();
        fake.When(r => r.SystemPrompt.StartsWith(ThreadTitleGenerator.Instructions, StringComparison.Ordinal), FakeReply.Text("A title"));
        await using var app = CreateApp(fake);
        using var admin = await UserClient.CreateGuestAsync(app);
        (await SubmitAsync(admin.Http, "/account/register", _adminEmail, Password)).Dispose();
        var before = await TodayAsync(admin.Http);
        using var user = await UserClient.CreateGuestAsync(app);

        fake.Enqueue(FakeReply.Text("Rayleigh ", "scattering.") with { Usage = (7, 11) });
        var sky = await user.Http.CreateThreadAsync("Why is the sky blue?");
        await RateAsync(user.Http, sky, "negative");
        fake.Enqueue(FakeReply.Text("Four.") with { Usage = (3, 5) });
        var sum = await user.Http.CreateThreadAsync("What is two plus two?");
        await RateAsync(user.Http, sum, "positive"); // the newer rating, yet listed after the negative one
        fake.Enqueue(FakeReply.Error(500));
        using (var failed = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.CreateThread("This one fails")))
        {
            Assert.Contains("\"type\":\"error\"", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var html = await GetAdminAsync(admin.Http);
        var ratings = Rating().Matches(html).Select(m => (Kind: m.Groups["kind"].Value, Question: m.Groups["question"].Value, Reply: m.Groups["reply"].Value)).ToList();
        Assert.Equal(
            [("Thumbs down", "Why is the sky blue?", "Rayleigh scattering."), ("Thumbs up", "What is two plus two?", "Four.")],
            ratings.Take(2).ToList());

        var after = await TodayAsync(admin.Http);
        Assert.Equal(3, after.Turns - before.Turns);
        Assert.Equal(10, after.TokensIn - before.TokensIn);
        Assert.Equal(16, after.TokensOut - before.TokensOut);
        Assert.Equal(1, after.CustomErrors - before.CustomErrors);
        Assert.Equal(1, after.ActiveUsers - before.ActiveUsers);
    }

    private ChatKitAppFactory CreateApp(FakeOpenAIServer fake)
    {
        var settings = new Dictionary<string, string?>(StoreSettings())
        {
            ["ChatKit:Admin:Emails:0"] = _adminEmail,
            ["ChatKit:Model:Provider"] = "OpenAI",
            ["ChatKit:Model:Endpoint"] = fake.BaseUrl,
            ["ChatKit:Model:ApiKey"] = "sk-test",
            ["ChatKit:Model:Model"] = "fake-model",
            ["ChatKit:Model:MaxRetries"] = "0",
        };
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow); // one day for the whole test
        return new ChatKitAppFactory(settings) { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
    }

    private static async Task<string> GetAdminAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/admin", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>The newest row of the daily table (today, UTC).</summary>
    private static async Task<(int Turns, long TokensIn, long TokensOut, int CustomErrors, int ActiveUsers)> TodayAsync(HttpClient http)
    {
        var html = await GetAdminAsync(http);
        var row = DayRow().Match(html);
        Assert.True(row.Success, "no day row in /admin");
        var errors = CustomErrors().Match(row.Groups["errors"].Value);
        return (
            int.Parse(row.Groups["turns"].Value, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(row.Groups["in"].Value, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(row.Groups["out"].Value, System.Globalization.CultureInfo.InvariantCulture),
            errors.Success ? int.Parse(errors.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            int.Parse(row.Groups["users"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Rates the assistant reply of <paramref name="threadId"/>.</summary>
    private static async Task RateAsync(HttpClient http, string threadId, string kind)
    {
        using var listed = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = threadId }));
        var items = (await listed.Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray();
        var reply = (string)items.Single(i => (string?)i!["type"] == "assistant_message")!["id"]!;
        using var rated = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request(
            "items.feedback", new JsonObject { ["thread_id"] = threadId, ["item_ids"] = new JsonArray(reply), ["kind"] = kind }));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
    }

    [GeneratedRegex("""data-testid="admin-rating-kind"[^>]*>(?<kind>[^<]+)</strong>.*?data-testid="admin-rating-question"[^>]*>(?<question>[^<]*)</dd>.*?data-testid="admin-rating-reply"[^>]*>(?<reply>[^<]*)</dd>""", RegexOptions.Singleline)]
    private static partial Regex Rating();

    [GeneratedRegex("""<tr data-day="[^"]+"[^>]*>.*?data-column="turns"[^>]*>(?<turns>\d+)</td>.*?data-column="tokens-in"[^>]*>(?<in>\d+)</td>.*?data-column="tokens-out"[^>]*>(?<out>\d+)</td>.*?data-column="errors"[^>]*>(?<errors>[^<]*)</td>.*?data-column="active-users"[^>]*>(?<users>\d+)</td>""", RegexOptions.Singleline)]
    private static partial Regex DayRow();

    [GeneratedRegex(@"custom: (\d+)")]
    private static partial Regex CustomErrors();
}
