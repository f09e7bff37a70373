namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The composer is replaced by a banner showing <see cref="Reason"/>.</summary>
public sealed record ClosedStatus(string? Reason = null) : ThreadStatus;
