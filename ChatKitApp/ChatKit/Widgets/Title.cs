namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A heading.</summary>
public sealed record Title : TextBlock
{
    /// <summary><c>sm</c>, <c>md</c>, <c>lg</c>, <c>xl</c>, <c>2xl</c> … <c>5xl</c>.</summary>
    public string? Size { get; init; }
}
