using System.Text.Json.Serialization;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// The element's options (<c>ChatKitOptions</c> of <c>@openai/chatkit</c>), typed. Serialized camelCase
/// with nulls left out. Callback members are .NET delegates, serialized as <c>true</c>; the host module
/// puts a function there that calls back into <see cref="ChatKitOptionCallbacks"/>. The panel supplies
/// three members itself, so they are not here: <c>api</c> (from <c>ChatKit:Frontend</c>),
/// <c>onClientTool</c> (browser tools, then <c>ChatKitPanel.ClientToolHandler</c>) and
/// <c>widgets.onAction</c> (<c>ChatKitPanel.OnWidgetAction</c>). <c>setOptions</c> replaces every
/// option at once.
/// </summary>
public sealed record ChatKitOptions
{
    /// <summary>A locale the element supports (<c>de-DE</c>, <c>fr</c>…); the browser's otherwise.</summary>
    public string? Locale { get; init; }

    /// <summary>The full theme, or <see cref="ChatKitTheme.ColorSchemeOnly"/> for the plain-string form.</summary>
    [JsonConverter(typeof(ChatKitThemeConverter))]
    public ChatKitTheme? Theme { get; init; }

    /// <summary>The accessible title of the element's frame (the element says <c>Chat</c>).</summary>
    public string? FrameTitle { get; init; }

    /// <summary>The thread to open, or null for a new one.</summary>
    public string? InitialThread { get; init; }

    public ChatKitHeader? Header { get; init; }

    public ChatKitHistory? History { get; init; }

    public ChatKitStartScreen? StartScreen { get; init; }

    public ChatKitThreadItemActions? ThreadItemActions { get; init; }

    public ChatKitComposer? Composer { get; init; }

    public ChatKitDisclaimer? Disclaimer { get; init; }

    /// <summary>Tags (<c>@</c> mentions); the panel's article search is used for the members left null.</summary>
    public ChatKitEntities? Entities { get; init; }

    /// <summary>The composer's <c>/</c> command menu.</summary>
    public ChatKitCommands? Commands { get; init; }

    public ChatKitThreadView? Thread { get; init; }
}
