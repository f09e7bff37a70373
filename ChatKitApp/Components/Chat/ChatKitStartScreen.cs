namespace ChatKitApp.Components.Chat;

public sealed record ChatKitStartScreen
{
    public string? Greeting { get; init; }

    public IReadOnlyList<ChatKitPrompt> Prompts { get; init; } = [];
}
