namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Context the server itself records (the cancellation marker); never sent to the client.</summary>
public sealed record SdkHiddenContextItem : ThreadItem
{
    public required string Content { get; init; }
}
