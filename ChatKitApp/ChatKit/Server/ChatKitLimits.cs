using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.ChatKit.Server;

/// <summary>Request and paging limits (<c>ChatKit:Limits</c>).</summary>
public sealed class ChatKitLimits
{
    public const string SectionName = "ChatKit:Limits";

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Page size when a list request gives no limit (or 0), as the reference.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>
    /// Upper bound for <c>threads.list</c> and <c>items.list</c> pages. The browser element asks for
    /// 9999 threads at once; the cursor still lets it page through the rest.
    /// </summary>
    public int MaxThreadsPage { get; set; } = 100;

    /// <summary>
    /// Streaming requests one user may have open at once (per app instance); more get 429.
    /// 0 turns the cap off.
    /// </summary>
    public int MaxConcurrentStreamsPerUser { get; set; } = 3;

    /// <summary>
    /// Streaming requests one client address (an IPv4 address or an IPv6 /64, see
    /// <see cref="ClientAddress"/>) may have open at once, its users together (per app instance); more
    /// get 429. Guests cost nothing to make, so the per-user cap alone would not bound one machine.
    /// 0 turns the cap off.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxConcurrentStreamsPerAddress { get; set; } = 20;
}
