using System.Net;
using System.Security.Claims;
using System.Text;
using ChatKitApp.Auth;
using ChatKitApp.Tests.Fixtures;
using static ChatKitApp.Tests.Fixtures.AccountForms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Auth;

/// <summary>Registration, sign-in, sign-out and the sign-in throttle through the real forms; run once on each store.</summary>
public abstract class AccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private ChatKitAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await CreateAppAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    protected abstract Task<ChatKitAppFactory> CreateAppAsync();

    [Fact]
    public async Task A_guest_who_registers_keeps_their_threads_and_finds_them_after_signing_out_and_in()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);
        var guestId = browser.UserId;
        var threadId = await browser.Http.CreateThreadAsync("keep me");

        using var registered = await SubmitAsync(browser.Http, "/account/register?returnUrl=%2Farticles", "ann@example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("http://localhost/articles", Redirect(registered));
        Assert.Equal(guestId, UserClient.UserIdFromCookie(_app, browser.Cookies, browser.Http.BaseAddress!));
        Assert.Equal([threadId], await browser.Http.ListThreadIdsAsync());

        using var signedOut = await SignOutAsync(browser.Http);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using (var anonymous = await browser.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), Json("""{"type":"threads.list","params":{}}""")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        (await browser.Http.GetAsync(new Uri("/", UriKind.Relative))).Dispose(); // a new guest
        Assert.NotEqual(guestId, UserClient.UserIdFromCookie(_app, browser.Cookies, browser.Http.BaseAddress!));
        Assert.Empty(await browser.Http.ListThreadIdsAsync());

        using var signedIn = await SubmitAsync(browser.Http, "/account/login", "ANN@example.com ", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(guestId, UserClient.UserIdFromCookie(_app, browser.Cookies, browser.Http.BaseAddress!));
        Assert.Equal([threadId], await browser.Http.ListThreadIdsAsync());
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(browser.Http, "/account/register", "bob@example.com", Password)).Dispose();

        var account = await _app.Services.GetRequiredService<IUserAccountStore>().FindByEmailAsync(UserAccount.NormalizeEmail("bob@example.com"), default);

        Assert.NotNull(account);
        Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<UserAccount>().VerifyHashedPassword(account, account.PasswordHash, Password));
    }

    [Fact]
    public async Task An_unknown_and_a_known_address_get_the_same_answers_for_wrong_passwords_up_to_and_past_the_limit()
    {
        using var owner = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(owner.Http, "/account/register", "kim@example.com", Password)).Dispose();
        using var knownProbe = await UserClient.CreateGuestAsync(_app, IPAddress.Parse("203.0.113.1"));
        using var unknownProbe = await UserClient.CreateGuestAsync(_app, IPAddress.Parse("203.0.113.2"));
        var limit = _app.Services.GetRequiredService<IOptions<ChatKitAuthOptions>>().Value.MaxSignInAttempts;

        for (var i = 0; i <= limit + 1; i++)
        {
            using var known = await SubmitAsync(knownProbe.Http, "/account/login", "kim@example.com", "guess " + i);
            using var unknown = await SubmitAsync(unknownProbe.Http, "/account/login", "kim@example.org", "guess " + i);

            Assert.Equal(known.StatusCode, unknown.StatusCode);
            var body = WithoutPerResponseValues(await known.Content.ReadAsStringAsync());
            Assert.Equal(body, WithoutPerResponseValues(await unknown.Content.ReadAsStringAsync()).Replace("kim@example.org", "kim@example.com", StringComparison.Ordinal));
            Assert.Contains(i < limit ? AccountService.WrongCredentials : AccountService.TooManyAttempts, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_address_is_checked_against_a_stand_in_hash_like_a_known_one()
    {
        var hasher = new CountingHasher();
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(_app.Services, (IPasswordHasher<UserAccount>)hasher);
        Assert.NotNull((await accounts.RegisterAsync("lee@example.com", Password, new ClaimsPrincipal(), "198.51.100.1", default)).Principal);
        var before = hasher.Verifications;

        var known = await accounts.SignInAsync("lee@example.com", "wrong password", "198.51.100.1", default);
        var unknown = await accounts.SignInAsync("nobody@example.com", "wrong password", "198.51.100.1", default);

        Assert.Equal(before + 2, hasher.Verifications); // one PBKDF2 check each: the same work, so the same time
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task The_owner_signs_in_from_their_own_address_while_an_attackers_address_has_failed_20_times()
    {
        using var owner = await UserClient.CreateGuestAsync(_app, IPAddress.Parse("192.0.2.10"));
        (await SubmitAsync(owner.Http, "/account/register", "cat@example.com", Password)).Dispose();
        (await SignOutAsync(owner.Http)).Dispose();
        using var attacker = await UserClient.CreateGuestAsync(_app, IPAddress.Parse("198.51.100.66"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var wrong = await SubmitAsync(attacker.Http, "/account/login", "cat@example.com", "guess " + i);
            answers.Add(wrong.StatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        using var attackerRight = await SubmitAsync(attacker.Http, "/account/login", "cat@example.com", Password);
        using var ownerRight = await SubmitAsync(owner.Http, "/account/login", "cat@example.com", Password);

        Assert.Contains(HttpStatusCode.TooManyRequests, answers); // the address limit stepped in too
        Assert.NotEqual(HttpStatusCode.Redirect, attackerRight.StatusCode); // the attacker's address is refused even the right password
        Assert.Equal(HttpStatusCode.Redirect, ownerRight.StatusCode);
        Assert.Equal(UserClient.UserIdFromCookie(_app, owner.Cookies, owner.Http.BaseAddress!), (await _app.Services.GetRequiredService<IUserAccountStore>().FindByEmailAsync("CAT@EXAMPLE.COM", default))!.UserId);
    }

    [Fact]
    public async Task Parallel_attempts_from_one_address_are_each_counted_so_only_the_limit_is_checked()
    {
        const int attempts = 24;
        var hasher = new CountingHasher();
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(_app.Services, (IPasswordHasher<UserAccount>)hasher);
        var limit = _app.Services.GetRequiredService<IOptions<ChatKitAuthOptions>>().Value.MaxSignInAttempts;
        Assert.NotNull((await accounts.RegisterAsync("gil@example.com", Password, new ClaimsPrincipal(), "192.0.2.1", default)).Principal);
        var before = hasher.Verifications;

        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i => Task.Run(() => accounts.SignInAsync("gil@example.com", "guess " + i, "198.51.100.7", default))));

        Assert.Equal(before + limit, hasher.Verifications);
        Assert.Equal(attempts - limit, results.Count(r => r.Error == AccountService.TooManyAttempts));
        Assert.Equal(AccountService.TooManyAttempts, (await accounts.SignInAsync("gil@example.com", Password, "198.51.100.7", default)).Error);
        Assert.NotNull((await accounts.SignInAsync("gil@example.com", Password, "192.0.2.1", default)).Principal);
    }

    [Fact]
    public async Task Registering_a_taken_address_with_another_password_gets_the_sign_in_answer_and_signs_nothing_in()
    {
        using var first = await UserClient.CreateGuestAsync(_app);
        using var second = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(first.Http, "/account/register", "dan@example.com", Password)).Dispose();

        using var response = await SubmitAsync(second.Http, "/account/register", "Dan@Example.com", "another password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(AccountService.WrongCredentials, body, StringComparison.Ordinal);
        Assert.DoesNotContain("exists", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(second.UserId, UserClient.UserIdFromCookie(_app, second.Cookies, second.Http.BaseAddress!));
    }

    [Fact]
    public async Task Registering_a_taken_address_with_its_password_signs_in_to_that_account()
    {
        using var first = await UserClient.CreateGuestAsync(_app);
        using var second = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(first.Http, "/account/register", "eli@example.com", Password)).Dispose();
        var threadId = await first.Http.CreateThreadAsync("the account's");

        using var response = await SubmitAsync(second.Http, "/account/register", "eli@example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(first.UserId, UserClient.UserIdFromCookie(_app, second.Cookies, second.Http.BaseAddress!));
        Assert.Equal([threadId], await second.Http.ListThreadIdsAsync());
    }

    [Fact]
    public async Task Return_urls_to_other_sites_go_home_instead()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);

        using var response = await SubmitAsync(browser.Http, "/account/register?returnUrl=" + Uri.EscapeDataString("//evil.example/x"), "eve@example.com", Password);

        Assert.Equal("http://localhost/", Redirect(response));
    }

    [Fact]
    public async Task A_browser_without_a_cookie_opening_the_sign_in_page_with_a_return_url_sees_the_form()
    {
        var handler = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        using var http = _app.CreateDefaultClient(handler);

        using var response = await http.GetAsync(new Uri("/account/login?returnUrl=%2Farticles", UriKind.Relative));

        // Not made a guest here: a sign-in on the login path would redirect to the return URL at once.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"email\"", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(handler.Container.GetCookies(http.BaseAddress!), c => c.Name == ".ChatKitApp.Auth");
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);

        using var response = await browser.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await browser.Http.ListThreadIdsAsync()); // still signed in: the list answers
    }

    /// <summary>The real hasher, counting its password checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
