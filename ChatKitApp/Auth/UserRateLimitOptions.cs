namespace ChatKitApp.Auth;

/// <summary>Per-user request rate on <c>POST /chatkit</c> (<c>ChatKit:Limits</c>, beside the protocol limits).</summary>
public sealed class UserRateLimitOptions
{
    public const string SectionName = "ChatKit:Limits";

    /// <summary>Requests one user may make per window; more get 429 with <c>Retry-After</c>. 0 turns the limit off.</summary>
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>The window's length in seconds (a fixed window per user).</summary>
    public int RateWindowSeconds { get; set; } = 60;
}
