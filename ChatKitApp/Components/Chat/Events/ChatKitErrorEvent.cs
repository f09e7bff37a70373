using System.Text.Json;

namespace ChatKitApp.Components.Chat.Events;

/// <summary>
/// <c>chatkit.error</c>: <see cref="Message"/> is the error's message (or its text when the element
/// gave a plain string), <see cref="Code"/> its code when it has one; <see cref="Detail"/> is the
/// whole event detail as JSON, for anything else the element puts there.
/// </summary>
public sealed record ChatKitErrorEvent(string Message, string? Code, JsonElement Detail);
