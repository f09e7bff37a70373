using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Limits;

/// <summary>
/// How much one user or one client address may ask of this instance (<c>ChatKit:RateLimits</c>):
/// requests per window, open streams, new guests. The protocol's own limits (body size, page sizes,
/// thread leases) are <see cref="ChatKit.Server.ChatKitLimits"/>, in <c>ChatKit:Limits</c>.
/// With <c>ConnectionStrings:Redis</c> or <c>ConnectionStrings:ChatKit</c> set, the request and stream
/// counts are shared by every app instance on that store (<see cref="ISharedLimitStore"/>); the
/// new-guest bound stays per instance.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "ChatKit:RateLimits";

    /// <summary>Requests one user may make to <c>POST /chatkit</c> per window; more get 429 with <c>Retry-After</c>. 0 turns the limit off.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "ChatKit:RateLimits:RequestsPerWindow must be 0 (off) or more.")]
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>The window's length in seconds (a fixed window per user).</summary>
    [Range(1, 86_400, ErrorMessage = "ChatKit:RateLimits:RateWindowSeconds must be between 1 and 86400.")]
    public int RateWindowSeconds { get; set; } = 60;

    /// <summary>Streaming requests one user may have open at once; more get 429 <c>too_many_streams</c>. 0 turns the cap off.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "ChatKit:RateLimits:MaxConcurrentStreamsPerUser must be 0 (off) or more.")]
    public int MaxConcurrentStreamsPerUser { get; set; } = 3;

    /// <summary>
    /// Streaming requests one client address (an IPv4 address or an IPv6 /64, see
    /// <see cref="ClientAddress"/>) may have open at once, its users together; more get 429. Guests cost
    /// nothing to make, so the per-user cap alone would not bound one machine. 0 turns the cap off.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "ChatKit:RateLimits:MaxConcurrentStreamsPerAddress must be 0 (off) or more.")]
    public int MaxConcurrentStreamsPerAddress { get; set; } = 20;

    /// <summary>
    /// New guests one client address may create per <see cref="NewGuestsWindow"/>; past it, a page
    /// visit without a cookie gets 429 and no guest. Keep room for networks where many people share
    /// one address (offices, mobile carriers). 0 turns the limit off.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "ChatKit:RateLimits:NewGuestsPerAddress must be between 0 (off) and 1000000.")]
    public int NewGuestsPerAddress { get; set; } = 20;

    /// <summary>The window <see cref="NewGuestsPerAddress"/> counts in (fixed, per address).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ChatKit:RateLimits:NewGuestsWindow must be between one second and one day.")]
    public TimeSpan NewGuestsWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether the per-user request limit and the stream caps count in the shared store (Redis when
    /// <c>ConnectionStrings:Redis</c> is set, else PostgreSQL when <c>ConnectionStrings:ChatKit</c> is), so
    /// several instances behind a load balancer enforce one budget. Costs one round trip per request and
    /// two per stream; false keeps the counts per instance (enough for a single instance).
    /// </summary>
    public bool ShareAcrossInstances { get; set; } = true;

    /// <summary>
    /// How long a stream slot in the shared store outlives its instance's last renewal: the instance
    /// renews its open slots every third of this, so a crashed instance's slots stop counting after
    /// at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00", ErrorMessage = "ChatKit:RateLimits:StreamSlotLease must be between 3 seconds and one hour.")]
    public TimeSpan StreamSlotLease { get; set; } = TimeSpan.FromMinutes(1);
}
