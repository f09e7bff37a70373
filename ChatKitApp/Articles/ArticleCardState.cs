using System.Text.Json.Nodes;

namespace ChatKitApp.Articles;

/// <summary>The card's state: the search, how many results it shows, and the pinned paths.</summary>
public sealed record ArticleCardState(string Query, int Limit, IReadOnlyList<string> Pinned)
{
    public JsonObject ToPayload() => new()
    {
        ["query"] = Query,
        ["limit"] = Limit,
        ["pinned"] = new JsonArray([.. Pinned.Select(p => JsonValue.Create(p))]),
    };

    public static ArticleCardState FromPayload(JsonNode? payload)
    {
        // The payload comes back from the browser: anything malformed (not even an object) reads as the defaults.
        var state = payload as JsonObject;
        var query = AsString(state?["query"]) ?? "";
        var limit = state?["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? Math.Clamp(n, 1, 20) : ArticleCard.FirstLimit;
        var pinned = state?["pinned"] is JsonArray a ? a.Select(AsString).OfType<string>().ToList() : [];
        return new ArticleCardState(query, limit, pinned);
    }

    private static string? AsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
