namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The label of the form field named <see cref="FieldName"/>.</summary>
public sealed record Label : WidgetComponent
{
    public required string Value { get; init; }

    public required string FieldName { get; init; }

    /// <summary><c>xs</c>, <c>sm</c>, <c>md</c>, <c>lg</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary><c>normal</c>, <c>medium</c>, <c>semibold</c> or <c>bold</c>.</summary>
    public string? Weight { get; init; }

    /// <summary><c>start</c>, <c>center</c> or <c>end</c>.</summary>
    public string? TextAlign { get; init; }

    public WidgetColor? Color { get; init; }
}
