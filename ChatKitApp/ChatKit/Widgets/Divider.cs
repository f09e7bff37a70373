namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A horizontal rule.</summary>
public sealed record Divider : WidgetComponent
{
    public double? Spacing { get; init; }
}
