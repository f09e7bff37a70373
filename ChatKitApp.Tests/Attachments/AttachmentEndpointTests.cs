using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Attachments;

/// <summary>Attachments over HTTP, as the element uses them: two-phase and direct uploads, previews, ownership, limits, deletion.</summary>
public abstract class AttachmentEndpointTests
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    private async Task<(WebApplicationFactory<Program> App, HttpClient Client, string UserId)> StartAsync()
    {
        var app = await CreateAppAsync();
        var guest = await GuestAsync(app);
        return (app, guest.Http, guest.UserId);
    }

    /// <summary>A browser-like guest with its own cookie jar and the marker header the element sends.</summary>
    private static async Task<UserClient> GuestAsync(WebApplicationFactory<Program> app)
    {
        var guest = await UserClient.CreateGuestAsync(app);
        guest.Http.DefaultRequestHeaders.Add(BlobAttachmentStore.RequestMarkerHeader, "1");
        return guest;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string type, JsonObject parameters) =>
        await client.PostAsJsonAsync(new Uri("/chatkit", UriKind.Relative), new JsonObject { ["type"] = type, ["params"] = parameters });

    private static MultipartFormDataContent File(byte[] bytes, string name, string mimeType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<JsonObject> CreateAndUploadAsync(HttpClient client, byte[] bytes, string name, string mimeType)
    {
        var created = await PostAsync(client, "attachments.create", new JsonObject { ["name"] = name, ["size"] = bytes.Length, ["mime_type"] = mimeType });
        created.EnsureSuccessStatusCode();
        var attachment = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var descriptor = attachment["upload_descriptor"]!;
        Assert.Equal("POST", descriptor["method"]!.GetValue<string>());
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri(descriptor["url"]!.GetValue<string>())) { Content = File(bytes, name, mimeType) };
        foreach (var (header, value) in descriptor["headers"]!.AsObject())
        {
            upload.Headers.TryAddWithoutValidation(header, value!.GetValue<string>());
        }

        var uploaded = await client.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var answer = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(answer["upload_descriptor"]); // cleared once uploaded
        return answer;
    }

    [Fact]
    public async Task Two_phase_upload_then_the_preview_is_served_to_the_owner_only_with_its_content_type()
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;

        var attachment = await CreateAndUploadAsync(client, Png, "dot.png", "image/png");

        Assert.Equal("image", attachment["type"]!.GetValue<string>());
        Assert.Null(attachment["metadata"]);
        var previewUrl = new Uri(attachment["preview_url"]!.GetValue<string>());
        Assert.True(previewUrl.IsAbsoluteUri);
        var preview = await client.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await preview.Content.ReadAsByteArrayAsync());

        using var mallory = await GuestAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Http.GetAsync(previewUrl)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(previewUrl)).StatusCode);
    }

    [Fact]
    public async Task Direct_upload_answers_the_attachment_and_text_files_download_rather_than_render()
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;

        var response = await client.PostAsync(new Uri("/chatkit/attachments", UriKind.Relative), File("hello\n"u8.ToArray(), "notes.txt", "text/plain"));

        response.EnsureSuccessStatusCode();
        var attachment = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("file", "notes.txt", "text/plain"), (attachment["type"]!.GetValue<string>(), attachment["name"]!.GetValue<string>(), attachment["mime_type"]!.GetValue<string>()));
        var content = await client.GetAsync(new Uri($"/chatkit/attachments/{attachment["id"]}/content", UriKind.Relative));
        Assert.Equal("attachment", content.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Theory]
    [InlineData("nul\0name.txt")]
    [InlineData("line\nbreak.txt")]
    public async Task Direct_upload_with_a_control_character_in_the_name_is_a_400(string name)
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;

        // The RFC 5987 form (filename*=UTF-8''nul%00name.txt) carries what a quoted name cannot.
        var file = new ByteArrayContent("hello\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };
        var form = new MultipartFormDataContent { file };

        var response = await client.PostAsync(new Uri("/chatkit/attachments", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.svg", 100, "image/svg+xml", 415, "cannot be attached")]
    [InlineData("huge.png", 50 * 1024 * 1024, "image/png", 413, "at most 10 MB")]
    [InlineData("empty.txt", 0, "text/plain", 400, "is empty")]
    public async Task Create_refuses_wrong_types_and_sizes_with_a_clear_message(string name, long size, string mimeType, int status, string message)
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;

        var response = await PostAsync(client, "attachments.create", new JsonObject { ["name"] = name, ["size"] = size, ["mime_type"] = mimeType });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_larger_than_declared_limit_or_without_the_marker_header_is_refused()
    {
        await using var app = await CreateAppAsync();
        using var guest = await UserClient.CreateGuestAsync(app); // signed in, but without the marker header
        var client = guest.Http;
        var created = await (await PostAsync(client, "attachments.create", new JsonObject { ["name"] = "a.txt", ["size"] = 5, ["mime_type"] = "text/plain" })).Content.ReadFromJsonAsync<JsonObject>();
        var url = new Uri(created!["upload_descriptor"]!["url"]!.GetValue<string>());

        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]) };
        put.Headers.Add(BlobAttachmentStore.RequestMarkerHeader, "1");
        var tooBig = await client.SendAsync(put);
        var unmarked = await client.PostAsync(url, File("hello"u8.ToArray(), "a.txt", "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unmarked.StatusCode);
    }

    [Fact]
    public async Task Uploaded_bytes_cannot_be_replaced()
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;
        var attachment = await CreateAndUploadAsync(client, Png, "dot.png", "image/png");

        var again = await client.PostAsync(new Uri($"/chatkit/attachments/{attachment["id"]}/upload", UriKind.Relative), File([1, 2, 3], "dot.png", "image/png"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(Png, await client.GetByteArrayAsync(new Uri(attachment["preview_url"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Deleting_the_thread_deletes_its_attachments_and_their_bytes()
    {
        var (app, client, userId) = await StartAsync();
        await using var _ = app;
        var attachment = await CreateAndUploadAsync(client, Png, "dot.png", "image/png");
        var id = attachment["id"]!.GetValue<string>();
        var create = await PostAsync(client, "threads.create", new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "look" }),
                ["attachments"] = new JsonArray(id),
                ["inference_options"] = new JsonObject(),
            },
        });
        var stream = await create.Content.ReadAsStringAsync();
        var threadId = JsonNode.Parse(stream.Split('\n').First(l => l.Contains("thread.created", StringComparison.Ordinal))["data: ".Length..])!["thread"]!["id"]!.GetValue<string>();
        Assert.Contains("You attached an image, *dot.png* (image/png, 70 bytes), and I can see it.", stream);

        (await PostAsync(client, "threads.delete", new JsonObject { ["thread_id"] = threadId })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(attachment["preview_url"]!.GetValue<string>()))).StatusCode);
        var blobs = app.Services.GetRequiredService<IAttachmentBlobStore>();
        Assert.Null(await blobs.ReadAsync(userId, id, CancellationToken.None));
    }

    [Fact]
    public async Task Attachments_delete_removes_the_bytes()
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;
        var attachment = await CreateAndUploadAsync(client, Encoding.UTF8.GetBytes("{}"), "a.json", "application/json");

        (await PostAsync(client, "attachments.delete", new JsonObject { ["attachment_id"] = attachment["id"]!.DeepClone() })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/chatkit/attachments/{attachment["id"]}/content", UriKind.Relative))).StatusCode);
    }
}
