namespace ChatKitApp.ChatKit.Widgets;

/// <summary>One border: width in px, colour (a border token such as <c>subtle</c>, or any colour) and line style.</summary>
public sealed record Border
{
    public required int Size { get; init; }

    public WidgetColor? Color { get; init; }

    /// <summary><c>solid</c>, <c>dashed</c>, <c>dotted</c>, <c>double</c>, <c>groove</c>, <c>ridge</c>, <c>inset</c> or <c>outset</c>.</summary>
    public string? Style { get; init; }
}
