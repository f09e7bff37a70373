namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A button; its action goes to the server (<c>threads.custom_action</c>, or the sync variant) or to the host.</summary>
public sealed record Button : WidgetComponent
{
    public string? Label { get; init; }

    public ActionConfig? OnClickAction { get; init; }

    public string? IconStart { get; init; }

    /// <summary><c>primary</c>, <c>secondary</c>, <c>danger</c>, …</summary>
    public string? Color { get; init; }

    /// <summary><c>solid</c>, <c>soft</c>, <c>outline</c> or <c>ghost</c>.</summary>
    public string? Variant { get; init; }

    public string? Size { get; init; }

    public bool? Block { get; init; }

    public bool? Disabled { get; init; }

    public bool? Submit { get; init; }
}
