using System.Security.Claims;
using ChatKitApp.Auth;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Auth;

public sealed class CachedTicketDataFormatTests
{
    [Fact]
    public void Same_cookie_read_twice_is_unprotected_once_and_each_caller_gets_its_own_copy()
    {
        var inner = new CountingFormat();
        using var format = new CachedTicketDataFormat(inner, 10);

        var first = format.Unprotect("cookie-a")!;
        var second = format.Unprotect("cookie-a")!;

        Assert.Equal(1, inner.Reads);
        Assert.NotSame(first, second);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.Equal("user-cookie-a", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        first.Principal.Identities.First().AddClaim(new Claim("added", "by a handler"));
        Assert.Null(format.Unprotect("cookie-a")!.Principal.FindFirst("added"));
    }

    [Fact]
    public void Cookie_that_does_not_read_is_not_remembered()
    {
        var inner = new CountingFormat();
        using var format = new CachedTicketDataFormat(inner, 10);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public void Same_cookie_with_another_purpose_is_read_on_its_own()
    {
        var inner = new CountingFormat();
        using var format = new CachedTicketDataFormat(inner, 10);

        format.Unprotect("cookie-a", "one");
        format.Unprotect("cookie-a", "two");

        Assert.Equal(2, inner.Reads);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task App_cookie_format_is_cached_unless_the_cache_is_turned_off(bool turnedOff, bool cached)
    {
        await using var app = new ChatKitAppFactory(turnedOff ? new() { ["ChatKit:Auth:CookieCacheEntries"] = "0" } : new());

        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(cached, options.TicketDataFormat is CachedTicketDataFormat);
    }

    /// <summary>Reads any cookie starting with "cookie" as a ticket for "user-" plus the cookie; counts the reads.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return protectedText!.StartsWith("cookie", StringComparison.Ordinal)
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-" + protectedText)], "test")), "Cookies")
                : null;
        }
    }
}
