using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// Runs the .NET callback behind an option member the element called. The host module gives each
/// callback member set in .NET (serialized as <c>true</c>) a function that sends its path and its
/// arguments as a JSON array here; the answer is the callback's result as JSON, or null for none.
/// </summary>
public static class ChatKitOptionCallbacks
{
    /// <summary>Every callback member the options can carry; the panel hands the module this list to wire.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "header.leftAction.onClick",
        "header.rightAction.onClick",
        "entities.onTagSearch",
        "entities.onClick",
        "entities.onRequestPreview",
        "commands.onSearch",
        "commands.onSelect",
    ];

    /// <exception cref="ArgumentException">No callback is set at <paramref name="path"/> in <paramref name="options"/>.</exception>
    public static async Task<string?> InvokeAsync(ChatKitOptions options, string path, string argumentsJson)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement;
        var context = ChatKitOptionsJsonContext.Default;
        switch (path)
        {
            case "header.leftAction.onClick" when options.Header?.LeftAction is { } left:
                await left.OnClick.InvokeAsync();
                return null;
            case "header.rightAction.onClick" when options.Header?.RightAction is { } right:
                await right.OnClick.InvokeAsync();
                return null;
            case "entities.onTagSearch" when options.Entities?.OnTagSearch is { } search:
                return JsonSerializer.Serialize(await search(Argument(arguments, context.String) ?? ""), context.IReadOnlyListChatKitEntity);
            case "entities.onClick" when options.Entities?.OnClick is { } click:
                await click.InvokeAsync(Required(Argument(arguments, context.ChatKitEntity), path));
                return null;
            case "entities.onRequestPreview" when options.Entities?.OnRequestPreview is { } preview:
                var widget = await preview(Required(Argument(arguments, context.ChatKitEntity), path));
                return $"{{\"preview\":{(widget is { } w ? w.GetRawText() : "null")}}}";
            case "commands.onSearch" when options.Commands?.OnSearch is { } commands:
                return JsonSerializer.Serialize(await commands(Argument(arguments, context.String) ?? ""), context.IReadOnlyListChatKitCommand);
            case "commands.onSelect" when options.Commands?.OnSelect is { } select:
                var selection = await select(Required(Argument(arguments, context.ChatKitCommand), path));
                return selection is null ? null : JsonSerializer.Serialize(selection, context.ChatKitCommandSelection);
            default:
                throw new ArgumentException($"The options set no callback at '{path}'.", nameof(path));
        }
    }

    /// <summary>The element's first argument, typed; null when the element passed none.</summary>
    private static T? Argument<T>(JsonElement arguments, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        arguments.ValueKind == JsonValueKind.Array && arguments.GetArrayLength() > 0 ? arguments[0].Deserialize(type) : default;

    private static T Required<T>(T? value, string path) where T : class =>
        value ?? throw new ArgumentException($"The element called '{path}' without its argument.", nameof(path));
}
