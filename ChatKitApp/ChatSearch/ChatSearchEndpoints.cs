using System.Globalization;
using ChatKitApp.Auth;
using ChatKitApp.Hosting;
using ChatKitApp.Limits;

namespace ChatKitApp.ChatSearch;

/// <summary>
/// <c>GET /api/chats/search?q=…&amp;limit=…</c>: the signed-in user's messages that match, best first,
/// as <see cref="ChatSearchResults"/>. The same cookie policy, same-origin rule and per-user rate
/// limit as <c>POST /chatkit</c>, and stricter on one point: a GET the browser says came from another
/// site is refused too, since a cross-site page could otherwise time searches to learn what a user
/// wrote (cross-site search) even without reading the answer.
/// </summary>
public static class ChatSearchEndpoints
{
    /// <summary>Where the endpoint is; the panel gives it to the offline element's search box.</summary>
    public const string Path = "/api/chats/search";

    /// <summary>The longest query in characters; longer ones get 400 <c>query_too_long</c>.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Hits per answer when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest <c>limit</c>; more, less than 1 or not a number get 400 <c>invalid_limit</c>.</summary>
    public const int MaxLimit = 50;

    public static RouteHandlerBuilder MapChatSearch(this IEndpointRouteBuilder endpoints, string pattern = Path) =>
        endpoints.MapGet(pattern, SearchAsync)
            .RequireAuthorization(ChatKitAuthExtensions.ChatKitUserPolicy)
            .RequireSameOrigin()
            .RequireRateLimiting(RateLimitExtensions.PolicyName)
            .WithName("ChatSearch");

    private static async Task SearchAsync(HttpContext http, IChatSearch search)
    {
        var cancellationToken = http.RequestAborted;
        if (!SameOriginMiddleware.IsSameOrigin(http.Request))
        {
            await JsonError.WriteAsync(http, StatusCodes.Status403Forbidden, "cross_site_request", "Cross-site requests are not allowed.", cancellationToken);
            return;
        }

        if (Validate(http.Request.Query) is { } error)
        {
            await JsonError.WriteAsync(http, StatusCodes.Status400BadRequest, error.Code, error.Message, cancellationToken);
            return;
        }

        var userId = ChatKitClaims.UserId(http.User)!; // the policy requires the claim
        var query = http.Request.Query["q"].ToString().Trim();
        var limit = http.Request.Query.ContainsKey("limit") ? int.Parse(http.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture) : DefaultLimit;
        var hits = await search.SearchAsync(userId, query, limit, cancellationToken);
        await http.Response.WriteAsJsonAsync(new ChatSearchResults(hits), cancellationToken);
    }

    /// <summary>What is wrong with the query string, or null when it can be searched.</summary>
    internal static (string Code, string Message)? Validate(IQueryCollection query)
    {
        var q = query["q"];
        if (q.Count > 1)
        {
            return ("invalid_query", "Give one q parameter.");
        }

        var text = q.ToString().Trim();
        if (text.Length == 0)
        {
            return ("empty_query", "The q parameter must contain something to search for.");
        }

        if (text.Length > MaxQueryLength)
        {
            return ("query_too_long", $"The query must be at most {MaxQueryLength} characters long.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ("invalid_query", "The query must not contain the character U+0000.");
        }

        if (!query.TryGetValue("limit", out var limit))
        {
            return null;
        }

        return limit.Count == 1
            && int.TryParse(limit.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= MaxLimit
            ? null
            : ("invalid_limit", $"limit must be a whole number from 1 to {MaxLimit}.");
    }
}
