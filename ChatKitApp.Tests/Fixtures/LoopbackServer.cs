using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A slim web app on a free loopback port, for the fakes of remote services (OpenAI, its ChatKit
/// sessions API, an OpenID Connect provider): real sockets, so the app's real HTTP clients talk to them.
/// </summary>
public static class LoopbackServer
{
    /// <summary>The app to map the fake's endpoints on, before <see cref="StartAsync"/>.</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and answers its base URL (no trailing slash).</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        return app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    public static async ValueTask StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
