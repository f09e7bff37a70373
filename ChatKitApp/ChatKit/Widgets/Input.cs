namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A single-line text field.</summary>
public sealed record Input : TextField
{
    /// <summary>The native input type: <c>text</c>, <c>number</c>, <c>email</c>, <c>password</c>, <c>tel</c> or <c>url</c>.</summary>
    public string? InputType { get; init; }

    public bool? Pill { get; init; }
}
