using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// Writes <see cref="ChatKitOptions.Theme"/> as the element's plain string when only a color scheme
/// was asked for; a plain theme given more members (<c>with { Radius = … }</c>) is the object form again.
/// </summary>
internal sealed class ChatKitThemeConverter : ChatKitWriteOnlyConverter<ChatKitTheme>
{
    public override void Write(Utf8JsonWriter writer, ChatKitTheme value, JsonSerializerOptions options)
    {
        if (value.IsColorSchemeOnly && value == ChatKitTheme.ColorSchemeOnly(value.ColorScheme))
        {
            writer.WriteStringValue(value.ColorScheme);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, ChatKitOptionsJsonContext.Default.ChatKitTheme);
        }
    }
}
