namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A bordered card; with <c>AsForm</c> it is a form, and its <see cref="Confirm"/> button submits the
/// values of its fields. <see cref="Collapsed"/> hides the body once the main action is done.
/// </summary>
public sealed record Card : WidgetRoot
{
    public bool? AsForm { get; init; }

    public IReadOnlyList<WidgetComponent> Children { get; init; } = [];

    /// <summary>A background token (<c>surface</c>, <c>surface-secondary</c>, …), any colour, or per scheme.</summary>
    public WidgetColor? Background { get; init; }

    /// <summary>In the element's types (1.9.0), not in the reference server's Card model.</summary>
    public BorderValue? Border { get; init; }

    /// <summary><c>sm</c>, <c>md</c>, <c>lg</c> or <c>full</c>.</summary>
    public string? Size { get; init; }

    public SpacingValue? Padding { get; init; }

    public WidgetStatus? Status { get; init; }

    public bool? Collapsed { get; init; }

    public CardAction? Confirm { get; init; }

    public CardAction? Cancel { get; init; }

    /// <summary><c>light</c> or <c>dark</c>: forces that scheme on the card.</summary>
    public string? Theme { get; init; }
}
