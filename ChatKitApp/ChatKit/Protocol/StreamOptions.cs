namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Per-stream client options; <see cref="AllowCancel"/> shows the Stop button.</summary>
public sealed record StreamOptions(bool AllowCancel);
