namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A flex container laid out by its <c>direction</c> (column by default).</summary>
public sealed record Box : FlexContainer
{
    /// <summary><c>row</c> or <c>col</c>.</summary>
    public string? Direction { get; init; }
}
