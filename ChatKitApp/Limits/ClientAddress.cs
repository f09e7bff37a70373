using System.Net;
using System.Net.Sockets;

namespace ChatKitApp.Limits;

/// <summary>
/// The key under which per-address limits count a client (<c>HttpContext.Connection.RemoteIpAddress</c>;
/// behind a proxy, forwarded headers must have set it).
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as it is; an IPv6 address as its /64 network, because one host usually has a
    /// whole /64 and could otherwise pick a fresh address, and a fresh budget, for every request.
    /// Null when the connection has no IP address (a Unix socket without forwarded headers, an
    /// in-process test server): there is nothing to count by, and one shared count would let any
    /// one client lock everyone out.
    /// </summary>
    public static string? KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }
}
