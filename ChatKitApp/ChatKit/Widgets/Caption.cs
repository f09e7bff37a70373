namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Small secondary text.</summary>
public sealed record Caption : WidgetComponent
{
    public required string Value { get; init; }

    public string? Size { get; init; }

    public string? Color { get; init; }
}
