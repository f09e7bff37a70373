namespace ChatKitApp.ChatKit.Widgets;

/// <summary>One row of a <see cref="ListView"/>; clickable when it has an action.</summary>
public sealed record ListViewItem : WidgetComponent
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public ActionConfig? OnClickAction { get; init; }

    public double? Gap { get; init; }

    public string? Align { get; init; }
}
