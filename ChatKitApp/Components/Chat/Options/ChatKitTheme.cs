using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary><c>theme</c>: color scheme (<c>light</c>/<c>dark</c>), typography, corner radius, density and colors.</summary>
public sealed record ChatKitTheme
{
    public string ColorScheme { get; init; } = "light";

    public ChatKitTypography? Typography { get; init; }

    /// <summary><c>pill</c>, <c>round</c>, <c>soft</c> or <c>sharp</c>.</summary>
    public string? Radius { get; init; }

    /// <summary><c>compact</c>, <c>normal</c> or <c>spacious</c>.</summary>
    public string? Density { get; init; }

    public ChatKitColors? Color { get; init; }

    /// <summary>True for the plain form: the theme is sent as its color scheme string alone.</summary>
    [JsonIgnore]
    public bool IsColorSchemeOnly { get; private init; }

    /// <summary>The element's plain-string theme: <c>"light"</c> or <c>"dark"</c>, every other member the element's default.</summary>
    public static ChatKitTheme ColorSchemeOnly(string colorScheme) => new() { ColorScheme = colorScheme, IsColorSchemeOnly = true };
}
