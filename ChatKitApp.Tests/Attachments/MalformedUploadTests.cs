using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Attachments;

/// <summary>
/// Broken multipart bodies and oversized uploads on both upload endpoints, on a real socket, in
/// Development (which would show the exception page) and Production (the HTML error page): each is
/// a 4xx JSON error and uploads nothing. Run on each store (see the subclasses).
/// </summary>
public abstract class MalformedUploadTests : IAsyncLifetime
{
    private const string Boundary = "b0undary";

    private readonly Dictionary<string, KestrelApp> _apps = [];

    /// <summary>Case name → (Content-Type, body).</summary>
    private static readonly Dictionary<string, (string ContentType, byte[] Body)> Cases = new()
    {
        ["quote in the file name"] = (FormType(Boundary), Form(Boundary, Part("form-data; name=\"file\"; filename=\"a\"b.txt\"", "hello"), end: true)),
        ["CR LF in the file name"] = (FormType(Boundary), Form(Boundary, Part("form-data; name=\"file\"; filename=\"a\r\nb.txt\"", "hello"), end: true)),
        ["part header over 16 KB"] = (FormType(Boundary), Form(Boundary, $"X-Pad: {new string('a', 17 * 1024)}\r\n" + Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: true)),
        ["no boundary"] = ("multipart/form-data", Form(Boundary, Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: true)),
        ["boundary mismatch"] = (FormType("other"), Form(Boundary, Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: true)),
        ["no final boundary"] = (FormType(Boundary), Form(Boundary, Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: false)),
        ["more than 1024 parts"] = (FormType(Boundary), Form(Boundary, string.Concat(Enumerable.Range(0, 1100).Select(i => Part($"form-data; name=\"f{i}\"", "x") + $"\r\n--{Boundary}\r\n")) + Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: true)),
        ["300-character boundary"] = (FormType(new string('b', 300)), Form(new string('b', 300), Part("form-data; name=\"file\"; filename=\"a.txt\"", "hello"), end: true)),
    };

    public static TheoryData<string, string, string> Uploads()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var environment in new[] { "Development", "Production" })
        {
            foreach (var endpoint in new[] { "direct", "two-phase" })
            {
                foreach (var name in Cases.Keys)
                {
                    data.Add(environment, endpoint, name);
                }
            }
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            var settings = await SettingsAsync();
            settings["ChatKit:RateLimits:RequestsPerWindow"] = "0"; // many uploads by one guest
            _apps[environment] = await KestrelApp.StartAsync(environment, settings);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The subclass's store settings (none for memory).</summary>
    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Malformed_multipart_upload_is_a_json_4xx_and_uploads_nothing(string environment, string endpoint, string name)
    {
        var app = _apps[environment];
        var (contentType, body) = Cases[name];
        var attachmentId = endpoint == "two-phase" ? await app.Http.CreateAttachmentAsync() : null;
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var url = attachmentId is null ? "/chatkit/attachments" : $"/chatkit/attachments/{attachmentId}/upload";
        using var response = await app.Http.PostAsync(new Uri(url, UriKind.Relative), content);

        await AssertJsonErrorAsync(response, [400, 413]);
        if (attachmentId is not null)
        {
            using var preview = await app.Http.GetAsync(new Uri($"/chatkit/attachments/{attachmentId}/content", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode); // still waiting for its bytes
        }
    }

    [Theory]
    [InlineData("Development", "POST /chatkit/attachments")]
    [InlineData("Production", "POST /chatkit/attachments")]
    [InlineData("Development", "POST /chatkit/attachments/{id}/upload")]
    [InlineData("Production", "POST /chatkit/attachments/{id}/upload")]
    public async Task Multipart_body_over_the_servers_cap_is_a_json_413(string environment, string requestLine)
    {
        var app = _apps[environment];
        var target = requestLine.Contains("{id}", StringComparison.Ordinal) ? requestLine.Replace("{id}", await app.Http.CreateAttachmentAsync(), StringComparison.Ordinal) : requestLine;

        // Kestrel's cap is 30,000,000 bytes; a declared length beyond it is refused at the first read,
        // before the form reader could look at the attachment size limit.
        var response = await app.SendRawAsync($"{target} HTTP/1.1\r\nContent-Type: {FormType(Boundary)}\r\nContent-Length: 31000000", []);

        Assert.True(response.Status == 413, $"{response.Status} {response.Body}");
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("request_too_large", (string?)JsonNode.Parse(response.Body)!["error"]!["code"]);
    }

    [Theory]
    [InlineData("Development", "POST /chatkit/attachments", "multipart/form-data; boundary=" + Boundary)]
    [InlineData("Production", "POST /chatkit/attachments", "multipart/form-data; boundary=" + Boundary)]
    [InlineData("Development", "PUT /chatkit/attachments/{id}/upload", "text/plain")]
    [InlineData("Production", "PUT /chatkit/attachments/{id}/upload", "text/plain")]
    public async Task Chunk_size_beyond_64_bits_on_an_upload_is_a_json_400(string environment, string requestLine, string contentType)
    {
        var app = _apps[environment];
        var target = requestLine.Contains("{id}", StringComparison.Ordinal) ? requestLine.Replace("{id}", await app.Http.CreateAttachmentAsync(), StringComparison.Ordinal) : requestLine;

        var response = await app.SendRawAsync($"{target} HTTP/1.1\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked", "ffffffffffffffff\r\nhello\r\n0\r\n\r\n"u8.ToArray());

        Assert.True(response.Status == 400, $"{response.Status} {response.Body}");
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("bad_request_body", (string?)JsonNode.Parse(response.Body)!["error"]!["code"]);
    }

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, int[] statuses)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(statuses.Contains((int)response.StatusCode), $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)error["code"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    private static string FormType(string boundary) => $"multipart/form-data; boundary={boundary}";

    private static string Part(string disposition, string content) =>
        $"Content-Disposition: {disposition}\r\nContent-Type: text/plain\r\n\r\n{content}";

    private static byte[] Form(string boundary, string parts, bool end) =>
        Encoding.UTF8.GetBytes($"--{boundary}\r\n{parts}\r\n" + (end ? $"--{boundary}--\r\n" : ""));
}
