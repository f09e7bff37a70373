using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Sharing;

/// <summary>
/// A share link as stored: whose thread, the token's hash (never the token), when it was shared and
/// the snapshot taken then, the thread with the items it had (the JSON export's form).
/// </summary>
public sealed record SharedThread(string UserId, string ThreadId, byte[] TokenHash, DateTimeOffset SharedAt, ChatThread Snapshot);
