using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChatKitApp.Auth;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Auth;

/// <summary>Registration, sign-in, sign-out and lockout through the real forms; run once on each store.</summary>
public abstract partial class AccountTests : IAsyncLifetime
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
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var owner = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(owner.Http, "/account/register", "cat@example.com", Password)).Dispose();
        using var attacker = await UserClient.CreateGuestAsync(_app);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await SubmitAsync(attacker.Http, "/account/login", "cat@example.com", "guess " + i);
            Assert.Contains("The e-mail address or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await SubmitAsync(attacker.Http, "/account/login", "cat@example.com", "guess 5");
        using var right = await SubmitAsync(attacker.Http, "/account/login", "cat@example.com", Password);

        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, no redirect
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(owner.UserId, UserClient.UserIdFromCookie(_app, attacker.Cookies, attacker.Http.BaseAddress!));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(24)]
    public async Task Parallel_failed_sign_ins_are_each_counted_and_lock_the_account_at_the_limit(int attempts)
    {
        var store = _app.Services.GetRequiredService<IUserAccountStore>();
        var limit = _app.Services.GetRequiredService<IOptions<ChatKitAuthOptions>>().Value.MaxFailedSignIns;
        var now = DateTimeOffset.UtcNow;
        var lockUntil = now.AddMinutes(15);
        var email = UserAccount.NormalizeEmail("fay@example.com");
        Assert.True(await store.TryCreateAsync(new UserAccount("user_fay", email, "hash") { CreatedAt = now }, default));

        await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => Task.Run(() => store.RecordFailedSignInAsync("user_fay", limit, now, lockUntil, default))));

        var account = await store.FindByEmailAsync(email, default);
        Assert.NotNull(account);
        Assert.Equal(attempts, account.FailedAttempts);
        Assert.Equal(attempts >= limit, account.LockedUntil > now);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_with_the_right_one_in_the_same_burst_leave_the_account_locked()
    {
        const int wrong = 24;
        var accounts = _app.Services.GetRequiredService<AccountService>();
        var store = _app.Services.GetRequiredService<IUserAccountStore>();
        Assert.NotNull((await accounts.RegisterAsync("gil@example.com", Password, new System.Security.Claims.ClaimsPrincipal(), default)).Principal);
        // Every attempt reads the account before any of them writes: the interleaving the audit found.
        var burst = ActivatorUtilities.CreateInstance<AccountService>(_app.Services, new ReadTogetherStore(store, wrong + 1));

        await Task.WhenAll(Enumerable.Range(0, wrong + 1).Select(i => Task.Run(() => burst.SignInAsync("gil@example.com", i < wrong ? "guess " + i : Password, default))));

        var account = await store.FindByEmailAsync(UserAccount.NormalizeEmail("gil@example.com"), default);
        Assert.True(account?.LockedUntil > DateTimeOffset.UtcNow, $"not locked after {wrong} parallel wrong passwords");
        var after = await accounts.SignInAsync("gil@example.com", Password, default);
        Assert.Null(after.Principal);
        Assert.Contains("locked", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        using var browser = await UserClient.CreateGuestAsync(_app);

        using var response = await SubmitAsync(browser.Http, "/account/login", "nobody@example.com", Password);

        Assert.Contains("The e-mail address or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_address_cannot_register_again()
    {
        using var first = await UserClient.CreateGuestAsync(_app);
        using var second = await UserClient.CreateGuestAsync(_app);
        (await SubmitAsync(first.Http, "/account/register", "dan@example.com", Password)).Dispose();

        using var response = await SubmitAsync(second.Http, "/account/register", "Dan@Example.com", "another password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exists already", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(second.UserId, UserClient.UserIdFromCookie(_app, second.Cookies, second.Http.BaseAddress!));
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

    /// <summary>Holds every e-mail look-up until <paramref name="readers"/> of them have been made.</summary>
    private sealed class ReadTogetherStore(IUserAccountStore inner, int readers) : IUserAccountStore
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public async Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
        {
            var account = await inner.FindByEmailAsync(normalizedEmail, cancellationToken);
            if (Interlocked.Increment(ref _reads) == readers)
            {
                _allRead.SetResult();
            }

            await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return account;
        }

        public Task<bool> TryCreateAsync(UserAccount account, CancellationToken cancellationToken) => inner.TryCreateAsync(account, cancellationToken);

        public Task<UserAccount?> RecordFailedSignInAsync(string userId, int maxFailedAttempts, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
            inner.RecordFailedSignInAsync(userId, maxFailedAttempts, now, lockUntil, cancellationToken);

        public Task<bool> TryResetFailedSignInsAsync(string userId, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryResetFailedSignInsAsync(userId, passwordHash, now, cancellationToken);
    }

    /// <summary>Opens the form page and posts it back with its hidden fields (handler, antiforgery token).</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, string email, string password)
    {
        var fields = await HiddenFieldsAsync(http, path, "_handler");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient http)
    {
        var fields = await HiddenFieldsAsync(http, "/", "__RequestVerificationToken");
        return await http.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient http, string path, string required)
    {
        var html = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.True(fields.ContainsKey(required), $"{path} has no {required} field");
        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    /// <summary>Where a response redirects to, as an absolute URL (so another host would show).</summary>
    private static string Redirect(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
