namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitStartScreen
{
    public string? Greeting { get; init; }

    public IReadOnlyList<ChatKitPrompt> Prompts { get; init; } = [];
}
