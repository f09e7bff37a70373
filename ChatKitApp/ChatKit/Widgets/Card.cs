namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A bordered card; with <c>AsForm</c> its buttons submit the values of its fields.</summary>
public sealed record Card : WidgetRoot
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    /// <summary><c>sm</c>, <c>md</c>, <c>lg</c> or <c>full</c>.</summary>
    public string? Size { get; init; }

    public double? Padding { get; init; }

    public string? Background { get; init; }

    public bool? AsForm { get; init; }

    public bool? Collapsed { get; init; }
}
