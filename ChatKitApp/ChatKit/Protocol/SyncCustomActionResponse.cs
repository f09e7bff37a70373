namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The answer to <c>threads.sync_custom_action</c>; <c>{}</c> when no item changed.</summary>
public sealed record SyncCustomActionResponse(ThreadItem? UpdatedItem = null);
