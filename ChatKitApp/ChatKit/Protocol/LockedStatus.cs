namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The composer is shown but disabled, with <see cref="Reason"/> as its placeholder.</summary>
public sealed record LockedStatus(string? Reason = null) : ThreadStatus;
