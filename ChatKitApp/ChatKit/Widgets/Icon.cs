namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A ChatKit icon by name.</summary>
public sealed record Icon : WidgetComponent
{
    public required string Name { get; init; }

    /// <summary>A text token (<c>primary</c>, <c>secondary</c>, …), any colour, or per scheme.</summary>
    public WidgetColor? Color { get; init; }

    /// <summary><c>xs</c>, <c>sm</c>, <c>md</c>, <c>lg</c>, <c>xl</c>, <c>2xl</c> or <c>3xl</c>.</summary>
    public string? Size { get; init; }
}
