namespace ChatKitApp.Components.Chat.Options;

/// <summary><c>theme.typography</c>: base size in pixels (14 to 18), font families and web fonts to load.</summary>
public sealed record ChatKitTypography
{
    public int? BaseSize { get; init; }

    public IReadOnlyList<ChatKitFontSource>? FontSources { get; init; }

    public string? FontFamily { get; init; }

    public string? FontFamilyMono { get; init; }
}
