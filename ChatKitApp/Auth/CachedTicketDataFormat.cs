using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace ChatKitApp.Auth;

/// <summary>
/// The cookie's ticket format with a bounded memory of the cookies it has already read. Reading a
/// cookie means decrypting and authenticating it with Data Protection and deserialising its
/// claims, which every request did again for the same cookie (a tenth of a 404's cost on
/// <c>/chatkit</c>); now it is done once per cookie value, per instance. Only cookies that read
/// successfully are remembered, so made-up cookies cannot fill the memory, and each caller gets its
/// own copy of the ticket (handlers may change the principal). What the cache does not change: the
/// handler still checks the ticket's expiry, and <see cref="SessionCookieEvents"/> still checks its
/// session on every request, so a sign-out takes effect as before. A cookie whose Data Protection
/// key was revoked stays readable on an instance for at most <see cref="Lifetime"/>.
/// </summary>
public sealed class CachedTicketDataFormat(ISecureDataFormat<AuthenticationTicket> inner, int capacity) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How long a read cookie is remembered after it was first read.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }

        var key = (protectedText, purpose);
        if (_tickets.TryGetValue(key, out AuthenticationTicket? known))
        {
            return known!.Clone();
        }

        if (inner.Unprotect(protectedText, purpose) is not { } ticket)
        {
            return null;
        }

        _tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ticket.Clone();
    }

    public void Dispose() => _tickets.Dispose();
}
