using System.Net;
using System.Security.Claims;
using System.Text;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChatKitApp.Tests.Fixtures.AccountForms;

namespace ChatKitApp.Tests.Auth;

/// <summary>Server-side sessions: cookies that sign-out or registration ended stay ended; run once on each store.</summary>
public abstract class SessionTests : IAsyncLifetime
{
    protected const string Password = "correct horse battery";
    private const string ListBody = """{"type":"threads.list","params":{}}""";

    private ChatKitAppFactory _app = null!;

    /// <summary>The app under test, new for each test.</summary>
    protected ChatKitAppFactory App => _app;

    public async Task InitializeAsync() => _app = await CreateAppAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task A_replayed_account_cookie_after_sign_out_gets_401_and_is_a_new_guest_on_pages()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(browser.Http, "/account/register", "ann@example.com", Password)).Dispose();
        var accountId = UserClient.UserIdFromCookie(_app, browser.Cookies, browser.Http.BaseAddress!);
        await browser.Http.CreateThreadAsync("private");
        var accountCookie = CookieValue(browser);

        using (var signedOut = await SignOutAsync(browser.Http))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replay = await ReplayAsync(accountCookie, HttpMethod.Post, "/chatkit");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        using var page = await ReplayAsync(accountCookie, HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var newCookie = page.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith(CookieOptions().Cookie.Name + "=", StringComparison.Ordinal));
        var newUser = CookieOptions().TicketDataFormat.Unprotect(newCookie.Split(';')[0].Split('=', 2)[1])!.Principal;
        Assert.True(newUser.HasClaim(ChatKitApp.Auth.ChatKitClaims.Guest, "true"));
        Assert.NotEqual(accountId, newUser.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task A_replayed_guest_cookie_after_registering_gets_401_not_the_accounts_threads()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);
        await browser.Http.CreateThreadAsync("the guest's, then the account's");
        var guestCookie = CookieValue(browser);
        using (var check = await ReplayAsync(guestCookie, HttpMethod.Post, "/chatkit"))
        {
            Assert.Equal(HttpStatusCode.OK, check.StatusCode); // live before: the check below is not vacuous (and it is cached now)
        }

        using (var registered = await SubmitAsync(browser.Http, "/account/register", "bea@example.com", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var replay = await ReplayAsync(guestCookie, HttpMethod.Post, "/chatkit");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Single(await browser.Http.ListThreadIdsAsync()); // the account itself has them
    }

    [Fact]
    public async Task A_replayed_guest_cookie_after_signing_in_to_an_account_gets_401()
    {
        using (var owner = await UserClient.CreateGuestAsync(_app))
        {
            (await SubmitAsync(owner.Http, "/account/register", "cal@example.com", Password)).Dispose();
        }

        using var browser = await UserClient.CreateGuestAsync(_app);
        var guestCookie = CookieValue(browser);

        using (var signedIn = await SubmitAsync(browser.Http, "/account/login", "cal@example.com", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var replay = await ReplayAsync(guestCookie, HttpMethod.Post, "/chatkit");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task An_account_cookie_without_a_session_is_refused()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user_from_before_sessions")], CookieAuthenticationDefaults.AuthenticationScheme));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(1) }, CookieAuthenticationDefaults.AuthenticationScheme);

        using var response = await ReplayAsync(CookieOptions().TicketDataFormat.Protect(ticket), HttpMethod.Post, "/chatkit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_renewed_by_use_keeps_its_session_past_the_first_lifetime()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        // No session cache: its entries expire in real time, and the store is what is under test.
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("ChatKit:Auth:SessionCacheDuration", "00:00:00").ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var browser = await UserClient.CreateGuestAsync(app);
        (await SubmitAsync(browser.Http, "/account/register", "fay@example.com", Password)).Dispose();
        var lifetime = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan;

        clock.Now += lifetime * 0.6; // past the half-way mark: this request renews the cookie and its session
        Assert.Empty(await browser.Http.ListThreadIdsAsync());
        clock.Now += lifetime * 0.6; // past the first lifetime, within the renewed one

        using var response = await browser.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(ListBody, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected string CookieValue(UserClient client) => client.Cookies.GetCookies(client.Http.BaseAddress!)[CookieOptions().Cookie.Name!]!.Value;

    private Task<HttpResponseMessage> ReplayAsync(string cookie, HttpMethod method, string path) => ReplayAsync(_app, cookie, method, path);

    /// <summary>Sends <paramref name="cookie"/> from a client of its own, as someone who copied it would.</summary>
    protected async Task<HttpResponseMessage> ReplayAsync(WebApplicationFactory<Program> app, string cookie, HttpMethod method, string path)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"{CookieOptions().Cookie.Name}={cookie}");
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(ListBody, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private CookieAuthenticationOptions CookieOptions() =>
        _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
}
