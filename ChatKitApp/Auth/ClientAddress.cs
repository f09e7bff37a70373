using System.Net;
using System.Net.Sockets;

namespace ChatKitApp.Auth;

/// <summary>The client address that limits per address are keyed by.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address (the client's, once <c>UseForwardedHeaders</c> has read a
    /// trusted proxy's header). IPv6 clients are keyed by their /64 network: one subscriber usually
    /// holds a whole /64, and per-address limits would mean nothing if each of its 2^64 addresses
    /// had a budget of its own. No address (an in-process test host) is one key.
    /// </summary>
    public static string Key(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
