using System.Net;
using ChatKitApp.Auth;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChatKitApp.Tests.Fixtures.AccountForms;

namespace ChatKitApp.Tests.Auth;

/// <summary>The per-client-address limits on the sign-in and registration forms.</summary>
public sealed class AccountRateLimitTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Sign_in_posts_over_the_per_address_limit_get_429_with_retry_after_while_other_addresses_go_on()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Auth:SignInsPerAddress"] = "3", ["ChatKit:Auth:SignInWindow"] = "00:01:00" });
        using var busy = await UserClient.CreateGuestAsync(app, IPAddress.Parse("203.0.113.9"));
        using var other = await UserClient.CreateGuestAsync(app, IPAddress.Parse("2001:db8:1::1"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await SubmitAsync(busy.Http, "/account/login", $"user{i}@example.com", "a wrong password");
            answers.Add(wrong.StatusCode);
        }

        using var refused = await SubmitAsync(busy.Http, "/account/login", "user9@example.com", "a wrong password");
        using var form = await busy.Http.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var elsewhere = await SubmitAsync(other.Http, "/account/login", "user9@example.com", "a wrong password");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many attempts from your network", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // showing the form is not limited
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Addresses_of_one_ipv6_network_share_one_budget()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Auth:SignInsPerAddress"] = "1" });
        using var first = await UserClient.CreateGuestAsync(app, IPAddress.Parse("2001:db8:5:6::1"));
        using var second = await UserClient.CreateGuestAsync(app, IPAddress.Parse("2001:db8:5:6:ffff::2"));

        using var allowed = await SubmitAsync(first.Http, "/account/login", "amy@example.com", "a wrong password");
        using var refused = await SubmitAsync(second.Http, "/account/login", "amy@example.com", "a wrong password");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Registrations_over_the_per_address_limit_get_429_and_create_no_account()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Auth:RegistrationsPerAddress"] = "2", ["ChatKit:Auth:RegistrationWindow"] = "00:10:00" });
        var address = IPAddress.Parse("198.51.100.20");
        for (var i = 0; i < 2; i++)
        {
            using var guest = await UserClient.CreateGuestAsync(app, address);
            using var registered = await SubmitAsync(guest.Http, "/account/register", $"new{i}@example.com", Password);
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var third = await UserClient.CreateGuestAsync(app, address);
        using var refused = await SubmitAsync(third.Http, "/account/register", "new2@example.com", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Null(await app.Services.GetRequiredService<IUserAccountStore>().FindByEmailAsync(UserAccount.NormalizeEmail("new2@example.com"), default));
    }

    [Theory]
    [InlineData("ChatKit:Auth:SignInsPerAddress", "-1")]
    [InlineData("ChatKit:Auth:MaxSignInAttempts", "0")]
    [InlineData("ChatKit:Auth:SessionCacheDuration", "01:00:00")]
    public async Task Invalid_account_limits_stop_the_app_at_start_up_naming_the_setting(string key, string value)
    {
        var error = ChatKitAppFactory.StartupFailure(new() { [key] = value });

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
