namespace ChatKitApp.Components.Chat.Options;

/// <summary>What a chosen command gives the composer: an entity to insert (<c>entity</c>) or another menu (<c>menu</c>).</summary>
public sealed record ChatKitCommandSelection
{
    private ChatKitCommandSelection(string type) => Type = type;

    public string Type { get; }

    public ChatKitEntity? Entity { get; private init; }

    public IReadOnlyList<ChatKitCommand>? Commands { get; private init; }

    public static ChatKitCommandSelection InsertEntity(ChatKitEntity entity) => new("entity") { Entity = entity };

    public static ChatKitCommandSelection Menu(IReadOnlyList<ChatKitCommand> commands) => new("menu") { Commands = commands };
}
