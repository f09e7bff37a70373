using System.Text.Json;

namespace ChatKitApp.Components.Chat.Commands;

/// <summary>
/// The argument of the element's <c>sendUserMessage</c>: <see cref="Text"/>, or
/// <see cref="Content"/> parts (the element's user-message content JSON) instead. Members left
/// null are not sent, so the element's defaults apply.
/// </summary>
public sealed record ChatKitUserMessage
{
    public string? Text { get; init; }

    public IReadOnlyList<JsonElement>? Content { get; init; }

    /// <summary>Quoted text: shown above the message and sent as its <c>quoted_text</c>.</summary>
    public string? Reply { get; init; }

    /// <summary>Attachments already uploaded, as the server's attachment JSON.</summary>
    public IReadOnlyList<JsonElement>? Attachments { get; init; }

    /// <summary>True sends in a new thread even when one is open.</summary>
    public bool? NewThread { get; init; }

    public ChatKitToolChoice? ToolChoice { get; init; }

    /// <summary>A model id from the composer's models.</summary>
    public string? Model { get; init; }
}
