namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A button; its action goes to the server (<c>threads.custom_action</c>, or the sync variant) or to the host.</summary>
public sealed record Button : WidgetComponent
{
    /// <summary>Submits the form around it (a <see cref="Form"/> or a form <see cref="Card"/>).</summary>
    public bool? Submit { get; init; }

    public string? Label { get; init; }

    public ActionConfig? OnClickAction { get; init; }

    public string? IconStart { get; init; }

    public string? IconEnd { get; init; }

    /// <summary><c>primary</c> or <c>secondary</c>: a preset look.</summary>
    public string? Style { get; init; }

    /// <summary><c>sm</c>, <c>md</c>, <c>lg</c>, <c>xl</c> or <c>2xl</c>.</summary>
    public string? IconSize { get; init; }

    /// <summary><c>primary</c>, <c>secondary</c>, <c>info</c>, <c>discovery</c>, <c>success</c>, <c>caution</c>, <c>warning</c> or <c>danger</c>.</summary>
    public string? Color { get; init; }

    /// <summary><c>solid</c>, <c>soft</c>, <c>outline</c> or <c>ghost</c>.</summary>
    public string? Variant { get; init; }

    /// <summary><c>3xs</c> … <c>3xl</c>.</summary>
    public string? Size { get; init; }

    public bool? Pill { get; init; }

    /// <summary>As wide as high (an icon button).</summary>
    public bool? Uniform { get; init; }

    public bool? Block { get; init; }

    public bool? Disabled { get; init; }
}
