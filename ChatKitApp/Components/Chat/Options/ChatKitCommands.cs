using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary><c>commands</c>: the composer's <c>/</c> menu, with the element's built-in actions and the page's own commands.</summary>
public sealed record ChatKitCommands
{
    public bool Enabled { get; init; } = true;

    /// <summary>The page's commands matching what the user typed after <c>/</c>.</summary>
    [JsonConverter(typeof(ChatKitCallbackConverter<Func<string, Task<IReadOnlyList<ChatKitCommand>>>>))]
    public Func<string, Task<IReadOnlyList<ChatKitCommand>>>? OnSearch { get; init; }

    /// <summary>Runs a chosen command: an entity to insert, a further menu, or null when it only does something.</summary>
    [JsonConverter(typeof(ChatKitCallbackConverter<Func<ChatKitCommand, Task<ChatKitCommandSelection?>>>))]
    public Func<ChatKitCommand, Task<ChatKitCommandSelection?>>? OnSelect { get; init; }
}
