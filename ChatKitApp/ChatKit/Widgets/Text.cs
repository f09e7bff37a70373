namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// Plain text; with an <c>Id</c> and <c>Streaming</c> it can grow by value deltas. With
/// <see cref="Editable"/> it is an inline field of the form around it.
/// </summary>
public sealed record Text : TextBlock
{
    public bool? Streaming { get; init; }

    public bool? Italic { get; init; }

    public bool? LineThrough { get; init; }

    public CssValue? Width { get; init; }

    /// <summary><c>xs</c>, <c>sm</c>, <c>md</c>, <c>lg</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Reserves room for this many lines.</summary>
    public int? MinLines { get; init; }

    public TextEditable? Editable { get; init; }
}
