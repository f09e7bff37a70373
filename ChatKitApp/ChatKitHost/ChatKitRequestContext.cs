using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Store;

namespace ChatKitApp.ChatKitHost;

/// <summary>
/// Who is asking, in which language, with which client metadata (page context and the like).
/// The endpoint builds it from the authenticated principal; nothing in the body can choose the user.
/// </summary>
public sealed record ChatKitRequestContext(string UserId) : IUserContext
{
    public string? Locale { get; init; }

    /// <summary>How the user is known to the app (an account's address); null for guests.</summary>
    public string? UserName { get; init; }

    /// <summary>The request's <c>metadata</c> object, as the client sent it.</summary>
    public JsonObject Metadata { get; init; } = [];
}
