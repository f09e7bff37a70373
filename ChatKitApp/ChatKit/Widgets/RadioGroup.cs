namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A set of <see cref="RadioOption"/>s of which one is picked, submitted under <see cref="Name"/>.</summary>
public sealed record RadioGroup : WidgetComponent
{
    public required string Name { get; init; }

    public IReadOnlyList<RadioOption>? Options { get; init; }

    /// <summary>The group's accessible name (the element falls back to <see cref="Name"/>).</summary>
    public string? AriaLabel { get; init; }

    public ActionConfig? OnChangeAction { get; init; }

    public string? DefaultValue { get; init; }

    /// <summary><c>row</c> or <c>col</c>.</summary>
    public string? Direction { get; init; }

    public bool? Disabled { get; init; }

    public bool? Required { get; init; }
}
