namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// The box-model props containers (<see cref="FlexContainer"/>) and <see cref="Image"/> share: sizes
/// (px or CSS; <c>Size</c>, <c>MinSize</c>, <c>MaxSize</c> set width and height together), radius,
/// margin, background and flex.
/// </summary>
public abstract record BlockComponent : WidgetComponent
{
    public CssValue? Height { get; init; }

    public CssValue? Width { get; init; }

    public CssValue? Size { get; init; }

    public CssValue? MinHeight { get; init; }

    public CssValue? MinWidth { get; init; }

    public CssValue? MinSize { get; init; }

    public CssValue? MaxHeight { get; init; }

    public CssValue? MaxWidth { get; init; }

    public CssValue? MaxSize { get; init; }

    public CssValue? AspectRatio { get; init; }

    /// <summary><c>2xs</c> … <c>4xl</c>, <c>full</c>, <c>100%</c> or <c>none</c>.</summary>
    public string? Radius { get; init; }

    public SpacingValue? Margin { get; init; }

    /// <summary>A background token (<c>surface</c>, <c>surface-secondary</c>, …), any colour, or per scheme.</summary>
    public WidgetColor? Background { get; init; }

    public CssValue? Flex { get; init; }
}
