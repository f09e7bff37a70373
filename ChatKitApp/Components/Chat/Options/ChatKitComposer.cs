namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitComposer
{
    public string? Placeholder { get; init; }

    public ChatKitAttachments? Attachments { get; init; }

    public IReadOnlyList<ChatKitComposerTool>? Tools { get; init; }

    public IReadOnlyList<ChatKitComposerModel>? Models { get; init; }

    public ChatKitDictation? Dictation { get; init; }
}
