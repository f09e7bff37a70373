namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A checkbox of the form around it; its value is submitted as a boolean under <see cref="Name"/>.</summary>
public sealed record Checkbox : WidgetComponent
{
    public required string Name { get; init; }

    public string? Label { get; init; }

    public bool? DefaultChecked { get; init; }

    public ActionConfig? OnChangeAction { get; init; }

    public bool? Disabled { get; init; }

    public bool? Required { get; init; }
}
