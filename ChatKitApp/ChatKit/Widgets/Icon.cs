namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A ChatKit icon by name.</summary>
public sealed record Icon : WidgetComponent
{
    public required string Name { get; init; }

    public string? Color { get; init; }

    public string? Size { get; init; }
}
