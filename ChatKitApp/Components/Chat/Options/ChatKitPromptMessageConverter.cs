using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>The element's <c>prompt: string | UserMessageContent[]</c>.</summary>
internal sealed class ChatKitPromptMessageConverter : ChatKitWriteOnlyConverter<ChatKitPromptMessage>
{
    public override void Write(Utf8JsonWriter writer, ChatKitPromptMessage value, JsonSerializerOptions options)
    {
        if (value.Content is { } content)
        {
            JsonSerializer.Serialize(writer, content, ChatKitOptionsJsonContext.Default.IReadOnlyListChatKitContentPart);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
