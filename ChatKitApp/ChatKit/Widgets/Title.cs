namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A heading.</summary>
public sealed record Title : WidgetComponent
{
    public required string Value { get; init; }

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }
}
