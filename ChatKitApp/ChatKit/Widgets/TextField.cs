namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The props <see cref="Input"/> and <see cref="Textarea"/> share: a named text field of the form around it.</summary>
public abstract record TextField : WidgetComponent
{
    /// <summary>The form field name its value is submitted under.</summary>
    public required string Name { get; init; }

    public string? DefaultValue { get; init; }

    public bool? Required { get; init; }

    /// <summary>A regular expression the value must match.</summary>
    public string? Pattern { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>Lets password managers and autofill extensions offer values.</summary>
    public bool? AllowAutofillExtensions { get; init; }

    /// <summary>Selects the whole value when it appears.</summary>
    public bool? AutoSelect { get; init; }

    public bool? AutoFocus { get; init; }

    public bool? Disabled { get; init; }

    /// <summary><c>soft</c> or <c>outline</c>.</summary>
    public string? Variant { get; init; }

    /// <summary><c>3xs</c> … <c>3xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>The inner padding at its edges, <c>2xs</c> … <c>xl</c>; overrides what <see cref="Size"/> gives.</summary>
    public string? GutterSize { get; init; }
}
