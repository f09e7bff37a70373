using System.Net;
using ChatKitApp.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Lets a test say which address each request comes from: TestServer connections have no
/// <c>RemoteIpAddress</c>. The app gets a first middleware that takes it from a test header, and
/// clients get a handler that sends that header.
/// </summary>
public static class ClientAddresses
{
    private const string Header = "X-Test-Client-Address";

    /// <summary>The app, with requests coming from the address their test header names.</summary>
    public static WebApplicationFactory<Program> WithClientAddresses(this WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, AddressFromHeader>()));

    /// <summary>A client handler whose requests come from <paramref name="address"/>.</summary>
    public static DelegatingHandler From(string address) => new SendAddress(IPAddress.Parse(address));

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[Header], out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private sealed class SendAddress(IPAddress address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(Header, address.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
