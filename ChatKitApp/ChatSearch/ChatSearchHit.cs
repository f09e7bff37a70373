using System.Text.Json.Serialization;

namespace ChatKitApp.ChatSearch;

/// <summary>
/// One message that matched a search: where it is (<see cref="ThreadId"/>, <see cref="ItemId"/>), the
/// thread's title, and a snippet of its text with the matched words between
/// <see cref="SearchSnippet.MarkStart"/> and <see cref="SearchSnippet.MarkEnd"/>.
/// </summary>
public sealed record ChatSearchHit(
    [property: JsonPropertyName("thread_id")] string ThreadId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("item_id")] string ItemId,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
