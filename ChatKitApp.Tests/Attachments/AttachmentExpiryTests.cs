using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Attachments;

/// <summary>
/// Uploads never sent in a message expire after <c>ChatKit:Attachments:UnattachedRetention</c>
/// (24 h by default), metadata and bytes; sent ones stay with their thread. Through HTTP, with the
/// app's clock set by the test and the sweep run by the test.
/// </summary>
public abstract class AttachmentExpiryTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task An_unsent_upload_is_kept_until_the_retention_then_deleted_with_its_bytes()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        await using var root = await CreateAppAsync();
        await using var app = WithClock(root, clock);
        using var user = await GuestAsync(app);
        var uploaded = await UploadAsync(user.Http);
        var pending = await CreateOnlyAsync(user.Http); // phase one of a two-phase upload, never uploaded
        var sweeper = app.Services.GetRequiredService<UnattachedAttachmentSweeper>();

        clock.Now += Retention - TimeSpan.FromHours(1);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync(ContentUrl(uploaded))).StatusCode);

        clock.Now += TimeSpan.FromHours(2);
        Assert.Equal(2, await sweeper.SweepAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync(ContentUrl(uploaded))).StatusCode);
        var blobs = app.Services.GetRequiredService<IAttachmentBlobStore>();
        Assert.Null(await blobs.ReadAsync(user.UserId, uploaded, CancellationToken.None));
        using var lateUpload = await user.Http.PostAsync(new Uri($"/chatkit/attachments/{pending}/upload", UriKind.Relative), TextFile());
        Assert.Equal(HttpStatusCode.NotFound, lateUpload.StatusCode);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None)); // each is deleted once
    }

    [Fact]
    public async Task A_sent_attachment_is_kept_however_old_while_an_unsent_one_of_the_same_age_goes()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        await using var root = await CreateAppAsync();
        await using var app = WithClock(root, clock);
        using var user = await GuestAsync(app);
        var sent = await UploadAsync(user.Http);
        var unsent = await UploadAsync(user.Http);
        var input = ChatKitRequestJson.Input("read this");
        input["attachments"] = new JsonArray(sent);
        using (var message = await user.Http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("threads.create", new JsonObject { ["input"] = input })))
        {
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.DoesNotContain("\"type\":\"error\"", await message.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        clock.Now += TimeSpan.FromDays(29); // well past the retention, within the cookie's lifetime
        Assert.Equal(1, await app.Services.GetRequiredService<UnattachedAttachmentSweeper>().SweepAsync(CancellationToken.None));

        using var kept = await user.Http.GetAsync(ContentUrl(sent));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("hello\n"u8.ToArray(), await kept.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync(ContentUrl(unsent))).StatusCode);
    }

    /// <summary>The app with <paramref name="clock"/> as its time; the sweep's timer still runs in real time (an hour), so it stays out of the way.</summary>
    private static WebApplicationFactory<Program> WithClock(ChatKitAppFactory app, TimeProvider clock) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(clock)));

    private static async Task<UserClient> GuestAsync(WebApplicationFactory<Program> app)
    {
        var guest = await UserClient.CreateGuestAsync(app);
        guest.Http.DefaultRequestHeaders.Add(BlobAttachmentStore.RequestMarkerHeader, "1");
        return guest;
    }

    private static MultipartFormDataContent TextFile()
    {
        var file = new ByteArrayContent("hello\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", "notes.txt" } };
    }

    /// <summary>A direct upload; the attachment's id.</summary>
    private static async Task<string> UploadAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/chatkit/attachments", UriKind.Relative), TextFile());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>attachments.create only; the attachment's id.</summary>
    private static async Task<string> CreateOnlyAsync(HttpClient http)
    {
        var request = ChatKitRequestJson.Request("attachments.create", new JsonObject { ["name"] = "later.txt", ["size"] = 6, ["mime_type"] = "text/plain" });
        using var response = await http.PostAsJsonAsync("/chatkit", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static Uri ContentUrl(string attachmentId) => new($"/chatkit/attachments/{attachmentId}/content", UriKind.Relative);
}
