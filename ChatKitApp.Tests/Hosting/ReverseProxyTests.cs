using System.Net;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Hosting;

/// <summary>Behind a reverse proxy (<c>ChatKit:ReverseProxy</c>): forwarded headers from known proxies only, HSTS and HTTPS redirection outside Development.</summary>
public sealed class ReverseProxyTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");

    [Theory]
    [InlineData("10.0.0.5")] // a known proxy
    [InlineData("10.1.2.3")] // in a known network
    public async Task Forwarded_headers_from_a_known_proxy_set_the_client_address_and_scheme(string proxy)
    {
        var seen = await SendForwardedAsync(IPAddress.Parse(proxy));

        Assert.Equal((Client, "https"), seen);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var stranger = IPAddress.Parse("10.0.0.6");

        var seen = await SendForwardedAsync(stranger);

        Assert.Equal((stranger, "http"), seen);
    }

    [Theory]
    [InlineData("Production", "true", "max-age=31536000")]
    [InlineData("Production", "false", null)]
    [InlineData("Development", "true", null)]
    public async Task Hsts_is_sent_over_https_outside_development_unless_switched_off(string environment, string hsts, string? expected)
    {
        await using var app = new ChatKitAppFactory(new() { ["environment"] = environment, ["ChatKit:ReverseProxy:Hsts"] = hsts });
        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://chat.example.com/") });

        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(",", values) : null);
    }

    [Theory]
    [InlineData("true", HttpStatusCode.TemporaryRedirect)]
    [InlineData("false", HttpStatusCode.OK)]
    public async Task Plain_http_is_redirected_to_https_outside_development_unless_switched_off(string redirect, HttpStatusCode expected)
    {
        await using var app = new ChatKitAppFactory(new()
        {
            ["environment"] = "Production",
            ["https_port"] = "443",
            ["ChatKit:ReverseProxy:HttpsRedirection"] = redirect,
        });
        using var http = app.CreateClient(new() { BaseAddress = new Uri("http://chat.example.com/"), AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.TemporaryRedirect)
        {
            Assert.Equal(new Uri("https://chat.example.com/health/live"), response.Headers.Location);
        }
    }

    /// <summary>A request from <paramref name="from"/> claiming to forward <see cref="Client"/> over https; what the app then saw.</summary>
    private static async Task<(IPAddress? Address, string Scheme)> SendForwardedAsync(IPAddress from)
    {
        (IPAddress? Address, string Scheme) seen = default;
        await using var app = new ChatKitAppFactory(new()
        {
            ["ChatKit:ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            ["ChatKit:ReverseProxy:KnownNetworks:0"] = "10.1.0.0/16",
        })
        {
            TestServices = services => services.AddSingleton<IStartupFilter>(new Recorder(http => seen = (http.Connection.RemoteIpAddress, http.Request.Scheme))),
        };
        _ = app.Server; // builds the host
        using var http = new HttpClient(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = from)) { BaseAddress = app.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", Client.ToString());
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return seen;
    }

    /// <summary>Around the app's whole pipeline: after it ran, the request's address and scheme are what the app used.</summary>
    private sealed class Recorder(Action<HttpContext> record) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, inner) =>
            {
                await inner(http);
                record(http);
            });
            next(app);
        };
    }
}
