namespace ChatKitApp.ChatKit.Widgets;

/// <summary>One choice of a <see cref="RadioGroup"/>.</summary>
public sealed record RadioOption
{
    public required string Label { get; init; }

    public required string Value { get; init; }

    public bool? Disabled { get; init; }
}
