namespace ChatKitApp.ChatKit.Widgets;

/// <summary>What makes a <see cref="Text"/> an inline field: the form field <see cref="Name"/> its value is submitted under, and the input's options.</summary>
public sealed record EditableProps
{
    public required string Name { get; init; }

    public bool? AutoFocus { get; init; }

    public bool? AutoSelect { get; init; }

    public string? AutoComplete { get; init; }

    public bool? AllowAutofillExtensions { get; init; }

    public string? Pattern { get; init; }

    public string? Placeholder { get; init; }

    public bool? Required { get; init; }
}
