namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A horizontal rule.</summary>
public sealed record Divider : WidgetComponent
{
    /// <summary>A border token (<c>default</c>, <c>subtle</c>, <c>strong</c>), any colour, or per scheme.</summary>
    public WidgetColor? Color { get; init; }

    /// <summary>The line's thickness.</summary>
    public CssValue? Size { get; init; }

    /// <summary>Space above and below.</summary>
    public CssValue? Spacing { get; init; }

    /// <summary>Reaches the container's edges through its padding.</summary>
    public bool? Flush { get; init; }
}
