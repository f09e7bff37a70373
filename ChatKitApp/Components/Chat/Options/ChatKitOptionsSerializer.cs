using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>Turns typed options into the JSON the element's <c>setOptions</c> takes.</summary>
public static class ChatKitOptionsSerializer
{
    public static JsonElement ToElement(ChatKitOptions options) =>
        JsonSerializer.SerializeToElement(options, ChatKitOptionsJsonContext.Default.ChatKitOptions);

    public static string ToJson(ChatKitOptions options) =>
        JsonSerializer.Serialize(options, ChatKitOptionsJsonContext.Default.ChatKitOptions);
}
