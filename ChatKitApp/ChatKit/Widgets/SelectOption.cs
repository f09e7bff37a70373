namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// One choice of a <see cref="Select"/>. <see cref="Disabled"/> and <see cref="Description"/> (secondary text)
/// are the reference server's; the element's 1.9.0 types do not list them yet.
/// </summary>
public sealed record SelectOption
{
    public required string Value { get; init; }

    public required string Label { get; init; }

    public bool? Disabled { get; init; }

    public string? Description { get; init; }
}
