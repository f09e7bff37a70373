namespace ChatKitApp.ChatKit.Widgets;

/// <summary>One row of a <see cref="ListView"/>; clickable when it has an action.</summary>
public sealed record ListViewItem : WidgetComponent
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public ActionConfig? OnClickAction { get; init; }

    public CssValue? Gap { get; init; }

    /// <summary><c>start</c>, <c>center</c>, <c>end</c>, <c>baseline</c> or <c>stretch</c>.</summary>
    public string? Align { get; init; }
}
