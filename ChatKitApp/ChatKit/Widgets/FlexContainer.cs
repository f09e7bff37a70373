namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The props <see cref="Box"/>, <see cref="Row"/>, <see cref="Col"/> and <see cref="Form"/> share: a flex container.</summary>
public abstract record FlexContainer : BlockComponent
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    /// <summary>Spacing units of 4 px, or CSS.</summary>
    public CssValue? Gap { get; init; }

    public SpacingValue? Padding { get; init; }

    /// <summary><c>start</c>, <c>center</c>, <c>end</c>, <c>baseline</c> or <c>stretch</c>.</summary>
    public string? Align { get; init; }

    /// <summary><c>start</c>, <c>center</c>, <c>end</c>, <c>between</c>, <c>around</c>, <c>evenly</c> or <c>stretch</c>.</summary>
    public string? Justify { get; init; }

    /// <summary><c>nowrap</c>, <c>wrap</c> or <c>wrap-reverse</c> (the CSS <c>flex-wrap</c> value).</summary>
    public string? Wrap { get; init; }

    public BorderValue? Border { get; init; }
}
