using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Hosting;

/// <summary>Forwarded headers from known proxies only, HSTS and HTTPS redirection (<see cref="ReverseProxyOptions"/>).</summary>
public static class ReverseProxyExtensions
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ReverseProxyOptions>(ReverseProxyOptions.SectionName)
            .Validate(o => o.KnownProxies.All(ReverseProxyOptions.IsAddress), "ChatKit:ReverseProxy:KnownProxies must list IP addresses (e.g. 10.0.0.5).")
            .Validate(o => o.KnownNetworks.All(ReverseProxyOptions.IsNetwork), "ChatKit:ReverseProxy:KnownNetworks must list networks in CIDR notation (e.g. 10.0.0.0/8).");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured ones: the framework's default trusts loopback, which on a host
            // with a local sidecar would let anything on the machine pick its client address.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<ReverseProxyOptions>>((hsts, proxy) =>
            hsts.MaxAge = TimeSpan.FromDays(proxy.Value.HstsMaxAgeDays));
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so everything after it (the per-address limits, the Secure cookie,
    /// redirects) sees the client's address and scheme; outside Development, HSTS and the redirect
    /// to HTTPS unless switched off.
    /// </summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        if (proxy.KnownProxies.Count > 0 || proxy.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            if (proxy.Hsts)
            {
                app.UseHsts();
            }

            if (proxy.HttpsRedirection)
            {
                app.UseHttpsRedirection();
            }
        }

        return app;
    }
}
