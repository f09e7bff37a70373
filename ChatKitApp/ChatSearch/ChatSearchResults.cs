using System.Text.Json.Serialization;

namespace ChatKitApp.ChatSearch;

/// <summary>The answer of <c>GET /api/chats/search</c>: the hits, best match first.</summary>
public sealed record ChatSearchResults([property: JsonPropertyName("results")] IReadOnlyList<ChatSearchHit> Results);
