namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A list of <see cref="ListViewItem"/>s (children of other types are allowed by the element), shortened to <c>Limit</c> with a "show more" control.</summary>
public sealed record ListView : WidgetRoot
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public ListViewLimit? Limit { get; init; }

    public WidgetStatus? Status { get; init; }

    /// <summary><c>light</c> or <c>dark</c>: forces that scheme on the list.</summary>
    public string? Theme { get; init; }
}
