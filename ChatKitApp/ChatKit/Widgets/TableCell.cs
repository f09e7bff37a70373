namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A cell of a <see cref="TableRow"/> (<c>Table.Cell</c>), holding any components.</summary>
public sealed record TableCell : WidgetComponent
{
    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    public CssValue? Width { get; init; }

    /// <summary>Per side only (the element's types take no single number here).</summary>
    public Spacing? Padding { get; init; }

    public int? ColSpan { get; init; }

    public int? RowSpan { get; init; }

    /// <summary><c>start</c>, <c>center</c> or <c>end</c>.</summary>
    public string? Align { get; init; }

    /// <summary>Vertical alignment: <c>start</c>, <c>center</c> or <c>end</c>.</summary>
    public string? VAlign { get; init; }

    /// <summary>The column's width token: <c>xs</c>, <c>sm</c>, <c>md</c>, <c>lg</c> or <c>xl</c>.</summary>
    public string? ColSize { get; init; }
}
