namespace ChatKitApp.Components.Chat.Options;

public sealed record ChatKitComposer
{
    public string? Placeholder { get; init; }

    public ChatKitAttachments? Attachments { get; init; }

    public IReadOnlyList<ChatKitComposerTool>? Tools { get; init; }

    public IReadOnlyList<ChatKitComposerModel>? Models { get; init; }

    /// <summary>Voice input; the element sends the recording to <c>input.transcribe</c>.</summary>
    public ChatKitDictation? Dictation { get; init; }
}
