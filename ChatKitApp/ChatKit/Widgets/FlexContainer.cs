namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The props <see cref="Box"/>, <see cref="Row"/> and <see cref="Col"/> share: a flex container.</summary>
public abstract record FlexContainer : WidgetComponent
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public double? Gap { get; init; }

    public double? Padding { get; init; }

    /// <summary><c>start</c>, <c>center</c>, <c>end</c>, <c>baseline</c> or <c>stretch</c>.</summary>
    public string? Align { get; init; }

    /// <summary><c>start</c>, <c>center</c>, <c>end</c>, <c>between</c>, <c>around</c>, <c>evenly</c> or <c>stretch</c>.</summary>
    public string? Justify { get; init; }

    public bool? Wrap { get; init; }

    public double? Flex { get; init; }
}
