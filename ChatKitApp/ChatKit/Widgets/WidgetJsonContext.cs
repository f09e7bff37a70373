using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The widget JSON shape: camelCase props, nulls left out (the element ignores missing props).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WidgetComponent))]
// The records only a union's value holds (see WidgetUnionConverter), unseen by the generator otherwise.
[JsonSerializable(typeof(ThemeColor))]
[JsonSerializable(typeof(Spacing))]
[JsonSerializable(typeof(Border))]
[JsonSerializable(typeof(Borders))]
[JsonSerializable(typeof(EditableProps))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
