using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// What a start-screen prompt sends: plain text (a string converts to it) or user-message content
/// parts, for prompts that need a tag. Serialized as the string or the parts array.
/// </summary>
[JsonConverter(typeof(ChatKitPromptMessageConverter))]
public sealed record ChatKitPromptMessage
{
    private ChatKitPromptMessage(string? text, IReadOnlyList<ChatKitContentPart>? content)
    {
        Text = text;
        Content = content;
    }

    public string? Text { get; }

    public IReadOnlyList<ChatKitContentPart>? Content { get; }

    public static ChatKitPromptMessage FromString(string text) => new(text, null);

    public static ChatKitPromptMessage FromParts(params IReadOnlyList<ChatKitContentPart> content) => new(null, content);

    public static implicit operator ChatKitPromptMessage(string text) => FromString(text);
}
