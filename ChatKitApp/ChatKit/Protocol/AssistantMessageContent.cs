namespace ChatKitApp.ChatKit.Protocol;

public sealed record AssistantMessageContent
{
    public string Type => "output_text";

    public string Text { get; set; } = "";

    public IReadOnlyList<Annotation> Annotations { get; set; } = [];
}
