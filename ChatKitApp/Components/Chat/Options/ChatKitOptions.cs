namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// The element's options (docs/ELEMENT.md), typed. Serialized camelCase with nulls left out; the host
/// module adds the JavaScript-only parts (<c>api.url</c>, <c>api.domainKey</c>, <c>api.fetch</c>,
/// <c>onClientTool</c>) before calling <c>setOptions</c>, which replaces every option at once.
/// </summary>
public sealed record ChatKitOptions
{
    public string? Locale { get; init; }

    public ChatKitTheme? Theme { get; init; }

    /// <summary>The thread to open, or null for a new one.</summary>
    public string? InitialThread { get; init; }

    public ChatKitHeader? Header { get; init; }

    public ChatKitHistory? History { get; init; }

    public ChatKitStartScreen? StartScreen { get; init; }

    public ChatKitComposer? Composer { get; init; }

    public ChatKitDisclaimer? Disclaimer { get; init; }

    public ChatKitThreadItemActions? ThreadItemActions { get; init; }
}
