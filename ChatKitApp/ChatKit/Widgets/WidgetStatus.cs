namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// The status line above a <see cref="Card"/> or <see cref="ListView"/>: text with either a favicon
/// URL (optionally framed) or an icon name; the element takes one of the two.
/// </summary>
public sealed record WidgetStatus
{
    public required string Text { get; init; }

    public string? Favicon { get; init; }

    public bool? Frame { get; init; }

    public string? Icon { get; init; }
}
