using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// <c>entities</c>: tags in the composer (<c>@</c>) and in replies. A callback left null keeps the
/// panel's own (the app's article search, and opening a clicked article's page).
/// </summary>
public sealed record ChatKitEntities
{
    /// <summary>A composer button that types <c>@</c> and opens the tag search.</summary>
    public bool? ShowComposerMenu { get; init; }

    /// <summary>The entities matching what the user typed after <c>@</c>.</summary>
    [JsonConverter(typeof(ChatKitCallbackConverter<Func<string, Task<IReadOnlyList<ChatKitEntity>>>>))]
    public Func<string, Task<IReadOnlyList<ChatKitEntity>>>? OnTagSearch { get; init; }

    /// <summary>A click on a rendered interactive entity.</summary>
    [JsonConverter(typeof(ChatKitCallbackConverter<EventCallback<ChatKitEntity>>))]
    public EventCallback<ChatKitEntity>? OnClick { get; init; }

    /// <summary>The widget (a <c>Basic</c> root, as JSON) shown when the user hovers an entity; null for none.</summary>
    [JsonConverter(typeof(ChatKitCallbackConverter<Func<ChatKitEntity, Task<JsonElement?>>>))]
    public Func<ChatKitEntity, Task<JsonElement?>>? OnRequestPreview { get; init; }
}
