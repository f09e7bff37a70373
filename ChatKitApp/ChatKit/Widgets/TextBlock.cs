using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>The typography props <see cref="Text"/>, <see cref="Title"/> and <see cref="Caption"/> share.</summary>
public abstract record TextBlock : WidgetComponent
{
    // Written right after id and key, before the props of the derived component, for readable JSON.
    [JsonPropertyOrder(-1)]
    public required string Value { get; init; }

    /// <summary>A text token (<c>prose</c>, <c>primary</c>, <c>secondary</c>, <c>success</c>, …), any colour, or per scheme.</summary>
    public WidgetColor? Color { get; init; }

    /// <summary><c>normal</c>, <c>medium</c>, <c>semibold</c> or <c>bold</c>.</summary>
    public string? Weight { get; init; }

    /// <summary><c>start</c>, <c>center</c> or <c>end</c>.</summary>
    public string? TextAlign { get; init; }

    /// <summary>Cuts overflow with an ellipsis.</summary>
    public bool? Truncate { get; init; }

    /// <summary>Clamps the text to this many lines.</summary>
    public int? MaxLines { get; init; }
}
