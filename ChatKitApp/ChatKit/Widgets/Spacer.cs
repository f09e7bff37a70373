namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Takes the free space of a row or column.</summary>
public sealed record Spacer : WidgetComponent
{
    public CssValue? MinSize { get; init; }
}
