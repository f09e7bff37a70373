namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Small secondary text.</summary>
public sealed record Caption : TextBlock
{
    /// <summary><c>sm</c>, <c>md</c> or <c>lg</c>.</summary>
    public string? Size { get; init; }
}
