using System.Text.Json;

namespace ChatKitApp.Components.Chat.Events;

/// <summary>
/// Reads an element event's <c>detail</c> (as the module relays it: JSON, <c>null</c> for none) into
/// its record. Lenient on purpose: the CDN element's details are not ours to fix, so a missing or
/// mistyped member becomes null (or an empty object) rather than an exception in the circuit.
/// </summary>
internal static class ChatKitEventDetail
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static ChatKitThreadChangeEvent ThreadChange(JsonElement detail) => new(String(detail, "threadId"));

    public static ChatKitThreadLoadEvent ThreadLoad(JsonElement detail) => new(String(detail, "threadId"));

    public static ChatKitToolChangeEvent ToolChange(JsonElement detail) => new(String(detail, "toolId"));

    public static ChatKitNamedEvent Named(JsonElement detail) =>
        new(String(detail, "name") ?? "", Member(detail, "data") is { ValueKind: JsonValueKind.Object } data ? data.Clone() : EmptyObject);

    public static ChatKitErrorEvent Error(JsonElement detail)
    {
        var error = Member(detail, "error");
        var message = error switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } => String(error.Value, "message"),
            _ => null,
        };
        var code = error is { ValueKind: JsonValueKind.Object } ? String(error.Value, "code") : null;
        return new(message ?? detail.GetRawText(), code, detail.Clone());
    }

    /// <summary>The element's <c>widgets.onAction(action, {id, widget})</c> arguments.</summary>
    public static ChatKitWidgetActionEvent WidgetAction(JsonElement action, JsonElement item) =>
        new(
            String(action, "type") ?? "",
            Member(action, "payload") is { ValueKind: JsonValueKind.Object } payload ? payload.Clone() : null,
            String(item, "id") ?? "",
            Member(item, "widget") is { } widget ? widget.Clone() : EmptyObject);

    private static JsonElement? Member(JsonElement detail, string name) =>
        detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement detail, string name) =>
        Member(detail, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
