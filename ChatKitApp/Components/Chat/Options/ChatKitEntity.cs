namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// Something a tag refers to (a person, a document…): <see cref="Data"/> travels to the server
/// with a message that tags it and back to the entity callbacks.
/// </summary>
public sealed record ChatKitEntity(string Title, string Id, string? Icon = null, bool? Interactive = null, string? Group = null, IReadOnlyDictionary<string, string>? Data = null);
