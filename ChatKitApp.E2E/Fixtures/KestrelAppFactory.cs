using ChatKitApp.Limits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>The real app on a real loopback socket (Kestrel), so a browser can reach it.</summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="settings">Configuration overrides.</param>
    /// <param name="testServices">Replaces app services after the app registered its own (test doubles).</param>
    public KestrelAppFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        _settings = settings ?? [];
        _testServices = testServices;
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Every browser context of the suite is a new guest from 127.0.0.1: more than one address may
        // create in production (ClientAddressLimitTests covers that limit).
        builder.UseSetting("ChatKit:RateLimits:NewGuestsPerAddress", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}
