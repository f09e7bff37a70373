using System.Text.Json;

namespace ChatKitApp.Components.Chat.Commands;

/// <summary>The argument of the element's <c>sendCustomAction</c>: <c>{type, payload?}</c>.</summary>
public sealed record ChatKitCustomAction(string Type, JsonElement? Payload = null);
