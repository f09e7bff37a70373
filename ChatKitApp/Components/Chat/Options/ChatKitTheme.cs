namespace ChatKitApp.Components.Chat.Options;

/// <summary><c>theme</c>: color scheme (<c>light</c>/<c>dark</c>), corner radius, density and accent.</summary>
public sealed record ChatKitTheme
{
    public string ColorScheme { get; init; } = "light";

    /// <summary><c>pill</c>, <c>round</c>, <c>soft</c> or <c>sharp</c>.</summary>
    public string? Radius { get; init; }

    /// <summary><c>compact</c>, <c>normal</c> or <c>spacious</c>.</summary>
    public string? Density { get; init; }

    public ChatKitColors? Color { get; init; }
}
