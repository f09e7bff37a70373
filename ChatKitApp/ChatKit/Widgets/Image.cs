namespace ChatKitApp.ChatKit.Widgets;

/// <summary>An image by absolute or data URL.</summary>
public sealed record Image : WidgetComponent
{
    public required string Src { get; init; }

    public string? Alt { get; init; }

    public double? Size { get; init; }

    public string? Radius { get; init; }
}
