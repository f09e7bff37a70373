namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A multi-line text field.</summary>
public sealed record Textarea : TextField
{
    /// <summary>Visible rows at first.</summary>
    public int? Rows { get; init; }

    /// <summary>Grows and shrinks with its content, up to <see cref="MaxRows"/>.</summary>
    public bool? AutoResize { get; init; }

    public int? MaxRows { get; init; }
}
