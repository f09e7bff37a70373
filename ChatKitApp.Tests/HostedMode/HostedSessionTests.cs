using System.Net;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.HostedMode;

/// <summary><c>POST /api/chatkit/session</c> and <c>/refresh</c> against a fake ChatKit sessions API.</summary>
public sealed class HostedSessionTests : IAsyncLifetime
{
    private FakeChatKitSessionsServer _openai = null!;

    public async Task InitializeAsync() => _openai = await FakeChatKitSessionsServer.StartAsync();

    public async Task DisposeAsync() => await _openai.DisposeAsync();

    [Theory]
    [InlineData("/api/chatkit/session")]
    [InlineData("/api/chatkit/refresh")]
    public async Task A_signed_in_user_gets_a_client_secret_for_the_configured_workflow(string path)
    {
        await using var app = Configured();
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ek_test_secret", (string?)body["client_secret"]);
        Assert.Equal(600, (int?)body["expires_after"]!["seconds"]);
        var request = Assert.Single(_openai.Requests);
        Assert.Equal("Bearer sk-hosted", request.Authorization);
        Assert.Equal("chatkit_beta=v1", request.Beta);
        Assert.Equal("wf_test", (string?)request.Body["workflow"]!["id"]);
        Assert.Equal(user.UserId, (string?)request.Body["user"]); // the cookie's user, nobody else
    }

    [Theory]
    [InlineData(401, """{"error":{"message":"Incorrect API key provided: sk-proj-****wxyz","type":"invalid_request_error"}}""", "sk-proj")]
    [InlineData(404, """{"error":{"message":"Workflow wf_test not found"}}""", "wf_test")]
    [InlineData(500, "<html>oops</html>", "oops")]
    [InlineData(503, """{"error":{"message":"overloaded"}}""", "overloaded")]
    public async Task Upstream_errors_are_one_clear_json_message_without_the_providers_words(int status, string body, string secretish)
    {
        _openai.Status = status;
        _openai.Body = body;
        await using var app = Configured();
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri("/api/chatkit/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("upstream_error", (string?)error["code"]);
        Assert.DoesNotContain(secretish, (string?)error["message"], StringComparison.Ordinal);
        Assert.StartsWith($"The OpenAI ChatKit sessions API answered {status}", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_without_a_client_secret_is_an_upstream_error()
    {
        _openai.Body = """{"id":"cksess_1"}""";
        await using var app = Configured();
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri("/api/chatkit/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_api_is_a_clear_502()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Hosted:WorkflowId"] = "wf_test", ["ChatKit:Hosted:ApiKey"] = "sk-hosted", ["ChatKit:Hosted:Endpoint"] = "http://127.0.0.1:9/v1" });
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri("/api/chatkit/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream_unreachable", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Theory]
    [InlineData("", "sk-hosted")]
    [InlineData("wf_test", "")]
    public async Task Missing_configuration_is_a_503_that_says_what_to_set(string workflow, string apiKey)
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Hosted:WorkflowId"] = workflow, ["ChatKit:Hosted:ApiKey"] = apiKey, ["ChatKit:Hosted:Endpoint"] = _openai.BaseUrl });
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri("/api/chatkit/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("hosted_not_configured", (string?)error["code"]);
        Assert.Contains("ChatKit:Hosted:WorkflowId", (string?)error["message"], StringComparison.Ordinal);
        Assert.Empty(_openai.Requests);
    }

    [Fact]
    public async Task Anonymous_and_cross_site_callers_get_no_secret()
    {
        await using var app = Configured();
        using var anonymous = app.CreateClient();
        using var user = await UserClient.CreateGuestAsync(app);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/chatkit/session");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var unauthorized = await anonymous.PostAsync(new Uri("/api/chatkit/session", UriKind.Relative), null);
        using var forbidden = await user.Http.SendAsync(crossSite);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Empty(_openai.Requests);
    }

    private ChatKitAppFactory Configured() => new(new()
    {
        ["ChatKit:Hosted:WorkflowId"] = "wf_test",
        ["ChatKit:Hosted:ApiKey"] = "sk-hosted",
        ["ChatKit:Hosted:Endpoint"] = _openai.BaseUrl,
    });
}
