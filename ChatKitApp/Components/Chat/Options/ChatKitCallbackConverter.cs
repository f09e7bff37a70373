using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// Writes a callback member as <c>true</c>: JSON cannot carry a function, so the host module puts one
/// there that calls <c>ChatKitPanel.OnOptionCallbackAsync</c> with the member's path. Unset (null)
/// callbacks are left out like any other null.
/// </summary>
internal sealed class ChatKitCallbackConverter<T> : ChatKitWriteOnlyConverter<T>
{
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteBooleanValue(true);
}
