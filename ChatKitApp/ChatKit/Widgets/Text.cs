namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Plain text; with an <c>Id</c> and <c>Streaming</c> it can grow by value deltas.</summary>
public sealed record Text : WidgetComponent
{
    public required string Value { get; init; }

    public bool? Streaming { get; init; }

    public string? Color { get; init; }

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public int? MaxLines { get; init; }
}
