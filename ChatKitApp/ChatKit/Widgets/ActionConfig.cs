using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// What a control sends when used: <c>{type, payload}</c> back to the server (or to the host's
/// <c>widgets.onAction</c> when <see cref="Handler"/> is <c>client</c>). <see cref="Streaming"/>
/// false routes it to <c>threads.sync_custom_action</c>, which the client allows mid-response.
/// </summary>
public sealed record ActionConfig
{
    public required string Type { get; init; }

    public JsonNode? Payload { get; init; }

    /// <summary><c>server</c> (the default) or <c>client</c>.</summary>
    public string? Handler { get; init; }

    /// <summary><c>auto</c>, <c>none</c>, <c>self</c> or <c>container</c>.</summary>
    public string? LoadingBehavior { get; init; }

    public bool? Streaming { get; init; }
}
