namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A small label, e.g. a status.</summary>
public sealed record Badge : WidgetComponent
{
    public required string Label { get; init; }

    /// <summary><c>secondary</c>, <c>success</c>, <c>danger</c>, <c>warning</c>, <c>info</c> or <c>discovery</c>.</summary>
    public string? Color { get; init; }

    /// <summary><c>solid</c>, <c>soft</c> or <c>outline</c>.</summary>
    public string? Variant { get; init; }

    /// <summary><c>sm</c>, <c>md</c> or <c>lg</c>.</summary>
    public string? Size { get; init; }

    public bool? Pill { get; init; }
}
