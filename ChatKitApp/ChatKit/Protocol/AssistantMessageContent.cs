namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContent
{
    public string Type => "output_text";

    public string Text { get; init; } = "";

    public IReadOnlyList<Annotation> Annotations { get; init; } = [];
}
