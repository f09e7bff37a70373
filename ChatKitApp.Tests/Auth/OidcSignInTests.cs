using System.Net;
using ChatKitApp.Auth;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Auth;

/// <summary>
/// Sign-in through an OpenID Connect provider (<c>ChatKit:Auth:Oidc</c>), against a fake provider
/// on loopback; the tests post the provider's answer to the callback themselves.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ClientId = "chatkit-test";

    // https, so the handler's Secure correlation and nonce cookies are kept and sent back.
    private static readonly Uri Site = new("https://localhost");

    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task App_starts_with_the_provider_configured_and_registers_its_scheme()
    {
        await using var app = AppWithProvider();
        using var client = app.CreateClient();

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSignInOptions.Scheme);
        Assert.NotNull(scheme);
        Assert.Equal(typeof(OpenIdConnectHandler), scheme.HandlerType);
        Assert.Equal("Example ID", scheme.DisplayName);
    }

    [Fact]
    public async Task Sign_in_redirects_to_the_providers_authorization_endpoint_with_the_client_and_a_local_callback()
    {
        await using var app = AppWithProvider();
        var (http, _) = Browser(app);
        using var _ = http;

        using var challenge = await http.GetAsync(new Uri("/account/login/oidc?returnUrl=%2Farticles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal(_provider.AuthorizationEndpoint, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("openid profile email", query["scope"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal("/articles", ReturnUrlIn(app, query["state"].ToString()));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/\t/evil.example/phish")] // browsers drop the tab: "//evil.example"
    public async Task A_return_url_to_another_site_becomes_the_home_page(string returnUrl)
    {
        await using var app = AppWithProvider();
        var (http, _) = Browser(app);
        using var _ = http;

        using var challenge = await http.GetAsync(new Uri("/account/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/", ReturnUrlIn(app, QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["state"].ToString()));
    }

    [Fact]
    public async Task Signing_in_with_the_provider_gives_a_stable_user_id_namespaced_by_the_issuer()
    {
        await using var app = AppWithProvider();

        var first = await SignInAsync(app, "/articles");
        var again = await SignInAsync(app, "/");

        Assert.Equal(ChatKitClaims.OidcUserId(_provider.Issuer, "alice"), first);
        Assert.StartsWith(ChatKitClaims.OidcPrefix, first, StringComparison.Ordinal);
        Assert.Equal(first, again); // another browser, the same person: the same user and threads
        var redemption = _provider.TokenRequests[0];
        Assert.Equal(ClientId, redemption["client_id"]);
        Assert.Equal("fake-code", redemption["code"]);
        Assert.Equal("https://localhost/signin-oidc", redemption["redirect_uri"]);
        Assert.NotEmpty(redemption["code_verifier"]); // PKCE
    }

    [Fact]
    public async Task A_failed_provider_callback_returns_to_the_sign_in_page_with_a_message()
    {
        await using var app = AppWithProvider();
        var (http, _) = Browser(app);
        using var _ = http;

        // The provider's page posts its answer cross-site; the CSRF guard must let it through to the handler.
        using var callback = await http.SendAsync(CallbackRequest("forged-state"));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account/login?error=oidc", callback.Headers.Location!.OriginalString);
        var page = await http.GetStringAsync(new Uri("/account/login?error=oidc", UriKind.Relative));
        Assert.Contains("Signing in with Example ID did not complete.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_only_when_it_is_configured()
    {
        await using var configured = AppWithProvider();
        await using var plain = new ChatKitAppFactory();
        // A guest already, as a browser that reaches the sign-in page from the chat is (the guest
        // sign-in of a first visit would follow the return URL at once).
        using var guest = await UserClient.CreateGuestAsync(configured);

        var withProvider = await guest.Http.GetStringAsync(new Uri("/account/login?returnUrl=%2Farticles", UriKind.Relative));
        var without = await plain.CreateClient().GetStringAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Contains("""href="account/login/oidc?returnUrl=%2Farticles" data-testid="oidc-sign-in">Sign in with Example ID</a>""", withProvider, StringComparison.Ordinal);
        Assert.DoesNotContain("oidc-sign-in", without, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"login-form\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_provider_settings_there_is_no_oidc_scheme_and_no_sign_in_endpoint()
    {
        await using var app = new ChatKitAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var signIn = await client.GetAsync(new Uri("/account/login/oidc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Null(await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSignInOptions.Scheme));
    }

    [Theory]
    [InlineData("https://id.example", "")]
    [InlineData("", "chatkit-test")]
    [InlineData("not a url", "chatkit-test")]
    public void App_refuses_to_start_with_half_or_invalid_provider_settings(string authority, string clientId)
    {
        var error = ChatKitAppFactory.StartupFailure(new Dictionary<string, string?>
        {
            ["ChatKit:Auth:Oidc:Authority"] = authority,
            ["ChatKit:Auth:Oidc:ClientId"] = clientId,
        });
        Assert.Contains("ChatKit:Auth:Oidc:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oidc_user_ids_depend_on_issuer_and_subject_and_never_look_like_other_users()
    {
        var id = ChatKitClaims.OidcUserId("https://id.example", "alice");

        Assert.Equal(id, ChatKitClaims.OidcUserId("https://id.example", "alice"));
        Assert.NotEqual(id, ChatKitClaims.OidcUserId("https://other.example", "alice"));
        Assert.NotEqual(id, ChatKitClaims.OidcUserId("https://id.example", "bob"));
        Assert.NotEqual(ChatKitClaims.OidcUserId("https://id.example/a", "b"), ChatKitClaims.OidcUserId("https://id.example", "/ab"));
        Assert.Matches("^oidc_[0-9a-f]{64}$", id);
        Assert.DoesNotContain("alice", id, StringComparison.Ordinal);
    }

    private ChatKitAppFactory AppWithProvider() => new(new Dictionary<string, string?>
    {
        ["ChatKit:Auth:Oidc:Authority"] = _provider.Issuer,
        ["ChatKit:Auth:Oidc:ClientId"] = ClientId,
        ["ChatKit:Auth:Oidc:DisplayName"] = "Example ID",
    });

    private static (HttpClient Http, System.Net.CookieContainer Cookies) Browser(ChatKitAppFactory app)
    {
        var cookies = new CookieContainerHandler();
        return (app.CreateDefaultClient(Site, cookies), cookies.Container);
    }

    /// <summary>The whole flow in a new browser: challenge, the provider's form post, the app's cookie. Answers the cookie's user id.</summary>
    private async Task<string> SignInAsync(ChatKitAppFactory app, string returnUrl)
    {
        var (http, cookies) = Browser(app);
        using var _ = http;
        using var challenge = await http.GetAsync(new Uri("/account/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        _provider.Nonce = query["nonce"].ToString();

        using var callback = await http.SendAsync(CallbackRequest(query["state"].ToString()));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(returnUrl, callback.Headers.Location!.OriginalString);
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Matches("""data-testid="account-name"[^>]*>Alice Example</span>""", home);
        return UserClient.UserIdFromCookie(app, cookies, Site);
    }

    /// <summary>What the provider's page posts back (response_mode form_post), from the provider's origin.</summary>
    private HttpRequestMessage CallbackRequest(string state)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin-oidc", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "fake-code", ["state"] = state }),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", _provider.Issuer);
        return request;
    }

    /// <summary>Where the handler will send the browser after sign-in, read from the protected state.</summary>
    private static string? ReturnUrlIn(ChatKitAppFactory app, string state) =>
        app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSignInOptions.Scheme).StateDataFormat.Unprotect(state)?.RedirectUri;
}
