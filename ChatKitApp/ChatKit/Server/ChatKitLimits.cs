using System.ComponentModel.DataAnnotations;
using ChatKitApp.Limits;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The protocol's limits (<c>ChatKit:Limits</c>): body size, page sizes, thread leases, keep-alives.
/// How much one user or network address may ask is the host's business, not these.
/// </summary>
public sealed class ChatKitLimits
{
    public const string SectionName = "ChatKit:Limits";

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    [Range(typeof(long), "1", "1073741824", ErrorMessage = "ChatKit:Limits:MaxRequestBytes must be between 1 and 1073741824.")]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Page size when a list request gives no limit (or 0), as the reference.</summary>
    [Range(1, 1000, ErrorMessage = "ChatKit:Limits:DefaultPageSize must be between 1 and 1000.")]
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>
    /// Upper bound for <c>threads.list</c> and <c>items.list</c> pages. The browser element asks for
    /// 9999 threads at once; the cursor still lets it page through the rest.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "ChatKit:Limits:MaxThreadsPage must be between 1 and 10000.")]
    public int MaxThreadsPage { get; set; } = 100;

    /// <summary>
    /// How long a request that changes a thread's items waits for the request already doing so on
    /// that thread (another tab, a double submit) before it answers 409 <c>thread_busy</c>.
    /// </summary>
    [Range(0, 600_000, ErrorMessage = "ChatKit:Limits:ThreadBusyWaitMilliseconds must be between 0 and 600000.")]
    public int ThreadBusyWaitMilliseconds { get; set; } = 3000;

    /// <summary>
    /// Lifetime of a thread's write lease, renewed every third of it while a response streams. An
    /// instance that dies mid-stream blocks its threads at most this long.
    /// </summary>
    [Range(3, 3600, ErrorMessage = "ChatKit:Limits:ThreadLeaseSeconds must be between 3 and 3600.")]
    public int ThreadLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds of silence on a stream (a slow model, a provider's back-off) after which an SSE
    /// comment is sent, so proxies with idle timeouts do not drop the connection. 0 turns it off.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "ChatKit:Limits:KeepAliveSeconds must be between 0 (off) and 3600.")]
    public int KeepAliveSeconds { get; set; } = 15;
}
