namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A list of <see cref="ListViewItem"/>s (children of other types are allowed by the element), shortened to <c>Limit</c> with a "show more" control.</summary>
public sealed record ListView : WidgetRoot
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public int? Limit { get; init; }
}
