using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// A header button: one of the element's header icons (<c>sidebar-left</c>, <c>home</c>,
/// <c>close</c>…) and what a click does in .NET.
/// </summary>
public sealed record ChatKitHeaderAction(
    string Icon,
    [property: JsonConverter(typeof(ChatKitCallbackConverter<EventCallback>))] EventCallback OnClick);
