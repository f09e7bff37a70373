namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A frameless widget root (<c>Basic</c>): a flex container that may also hold other roots.</summary>
public sealed record BasicRoot : WidgetRoot
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    /// <summary><c>light</c> or <c>dark</c>: forces that scheme on the subtree.</summary>
    public string? Theme { get; init; }

    /// <summary><c>row</c> or <c>col</c>.</summary>
    public string? Direction { get; init; }

    public CssValue? Gap { get; init; }

    public SpacingValue? Padding { get; init; }

    public string? Align { get; init; }

    public string? Justify { get; init; }
}
