using System.Text.Json;

namespace ChatKitApp.Components.Chat.Events;

/// <summary>
/// The <c>{name, data}</c> detail shared by <c>chatkit.effect</c> (a server's client effect),
/// <c>chatkit.deeplink</c> and <c>chatkit.log</c> (diagnostics). <see cref="Data"/> is the JSON
/// object as the element gave it (an empty object when it gave none).
/// </summary>
public sealed record ChatKitNamedEvent(string Name, JsonElement Data);
