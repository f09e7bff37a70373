namespace ChatKitApp.ChatSearch;

/// <summary>
/// Full-text search over one user's chats: user and assistant messages only, in that user's
/// existing threads only. <c>query</c> is web-search syntax (words, "quoted phrases", -excluded);
/// the endpoint has checked it is non-empty, short enough and free of U+0000.
/// </summary>
public interface IChatSearch
{
    /// <summary>Up to <paramref name="limit"/> hits, best match first (ties: newest first).</summary>
    Task<IReadOnlyList<ChatSearchHit>> SearchAsync(string userId, string query, int limit, CancellationToken cancellationToken);
}
