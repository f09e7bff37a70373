using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Auth;

/// <summary>The CSRF guard on <c>POST /chatkit</c> and the pages, with a signed-in user's cookie.</summary>
public sealed class SameOriginTests : IAsyncLifetime, IDisposable
{
    private const string ListBody = """{"type":"threads.list","params":{}}""";
    private const string CreateBody = """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"forged"}],"attachments":[],"inference_options":{}}}}""";

    private ChatKitAppFactory _app = null!;
    private UserClient _user = null!;

    public async Task InitializeAsync()
    {
        _app = new ChatKitAppFactory();
        _user = await UserClient.CreateGuestAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => _user.Dispose();

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "https://localhost")] // another scheme is another origin
    public async Task Cross_site_post_is_403_json_and_changes_nothing(string header, string value)
    {
        using var response = await PostAsync("/chatkit", CreateBody, (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_request", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
        using var list = await PostAsync("/chatkit", ListBody);
        Assert.Equal("""{"data":[],"has_more":false}""", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cross_site_wins_over_a_matching_origin()
    {
        using var response = await PostAsync("/chatkit", ListBody, ("Sec-Fetch-Site", "cross-site"), ("Origin", "http://localhost"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "http://localhost")]
    [InlineData("X-ChatKit-Request", "1")] // a non-browser client: no Origin, no Sec-Fetch-Site
    public async Task Same_origin_and_non_browser_posts_work_with_the_cookie(string header, string value)
    {
        using var response = await PostAsync("/chatkit", ListBody, (header, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Cross_site_form_post_to_a_page_is_403()
    {
        using var response = await PostAsync("/", "", ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Cross_site_get_of_a_page_still_works()
    {
        // Links from other sites are fine: reading is safe, and Lax cookies ride navigations.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _user.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _user.Http.SendAsync(request);
    }
}
