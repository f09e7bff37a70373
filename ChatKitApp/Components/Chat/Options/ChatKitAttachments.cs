namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitAttachments(bool Enabled, long? MaxSize = null, int? MaxCount = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Accept = null);
