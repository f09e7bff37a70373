namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Markdown text; with an <c>Id</c> and <c>Streaming</c> it can grow by value deltas.</summary>
public sealed record Markdown : WidgetComponent
{
    public required string Value { get; init; }

    public bool? Streaming { get; init; }
}
