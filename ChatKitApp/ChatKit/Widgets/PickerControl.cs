namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// The props <see cref="Select"/> and <see cref="DatePicker"/> share: a named field of the form around
/// it that opens a list or a calendar; <see cref="OnChangeAction"/> fires on each change.
/// </summary>
public abstract record PickerControl : WidgetComponent
{
    /// <summary>The form field name its value is submitted under.</summary>
    public required string Name { get; init; }

    public ActionConfig? OnChangeAction { get; init; }

    public string? Placeholder { get; init; }

    /// <summary><c>solid</c>, <c>soft</c>, <c>outline</c> or <c>ghost</c>.</summary>
    public string? Variant { get; init; }

    /// <summary><c>3xs</c> … <c>3xl</c>.</summary>
    public string? Size { get; init; }

    public bool? Pill { get; init; }

    public bool? Block { get; init; }

    /// <summary>Shows a control that clears the value.</summary>
    public bool? Clearable { get; init; }

    public bool? Disabled { get; init; }
}
