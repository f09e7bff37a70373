using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ChatKitApp.Hosting;

/// <summary>
/// Running behind a reverse proxy or load balancer (<c>ChatKit:ReverseProxy</c>): whose
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> headers are believed, and whether the app
/// itself sends browsers to HTTPS (outside Development).
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ChatKit:ReverseProxy";

    /// <summary>
    /// Addresses of the proxies whose forwarded headers are believed (e.g. <c>10.0.0.5</c>). A
    /// request from anywhere else keeps its own address and scheme, whatever headers it sends: the
    /// per-address limits key on that address, so a client must not be able to choose it.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. <c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Redirect plain-HTTP requests to HTTPS outside Development. Turn off when a TLS-terminating
    /// proxy talks HTTP to the app without sending <c>X-Forwarded-Proto</c>.
    /// </summary>
    public bool HttpsRedirection { get; set; } = true;

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses outside Development.</summary>
    public bool Hsts { get; set; } = true;

    /// <summary>The <c>max-age</c> of <c>Strict-Transport-Security</c>, in days.</summary>
    [Range(1, 730)]
    public int HstsMaxAgeDays { get; set; } = 365;

    internal static bool IsAddress(string value) => IPAddress.TryParse(value, out _);

    internal static bool IsNetwork(string value) => IPNetwork.TryParse(value, out _);
}
