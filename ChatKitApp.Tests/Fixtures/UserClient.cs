using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// An HTTP client with its own cookie jar, signed in as a guest the way a browser is: by opening
/// a page first. <see cref="UserId"/> is read back from the cookie, for tests that look in the store.
/// </summary>
public sealed class UserClient : IDisposable
{
    private UserClient(HttpClient http, CookieContainer cookies, string userId)
    {
        Http = http;
        Cookies = cookies;
        UserId = userId;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string UserId { get; }

    /// <summary>A new guest of <paramref name="app"/>, with the guest cookie in its jar (and <paramref name="handlers"/> on its requests).</summary>
    public static Task<UserClient> CreateGuestAsync(WebApplicationFactory<Program> app, params DelegatingHandler[] handlers)
    {
        var handler = new CookieContainerHandler();
        return CreateGuestAsync(app, app.CreateDefaultClient([.. handlers, handler]), handler);
    }

    /// <summary>
    /// A new guest of <paramref name="app"/>, with the guest cookie in its jar; its requests come
    /// from <paramref name="address"/> (none: the test host's, which has no address).
    /// </summary>
    public static Task<UserClient> CreateGuestAsync(WebApplicationFactory<Program> app, IPAddress? address)
    {
        var handler = new CookieContainerHandler();
        var http = address is null
            ? app.CreateDefaultClient(handler)
            : new HttpClient(new CookieContainerHandler(handler.Container) { InnerHandler = app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address) }) { BaseAddress = app.Server.BaseAddress };
        return CreateGuestAsync(app, http, handler);
    }

    private static async Task<UserClient> CreateGuestAsync(WebApplicationFactory<Program> app, HttpClient http, CookieContainerHandler handler)
    {
        using (var page = await http.GetAsync(new Uri("/", UriKind.Relative)))
        {
            page.EnsureSuccessStatusCode();
        }

        return new UserClient(http, handler.Container, UserIdFromCookie(app, handler.Container, http.BaseAddress!));
    }

    /// <summary>The user id inside the auth cookie in <paramref name="cookies"/>, decrypted with the app's keys.</summary>
    public static string UserIdFromCookie(WebApplicationFactory<Program> app, CookieContainer cookies, Uri baseAddress)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = cookies.GetCookies(baseAddress)[options.Cookie.Name!] ?? throw new InvalidOperationException("The app set no auth cookie.");
        var ticket = options.TicketDataFormat.Unprotect(cookie.Value) ?? throw new InvalidOperationException("The auth cookie does not decrypt.");
        return ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
    }

    public void Dispose() => Http.Dispose();
}
