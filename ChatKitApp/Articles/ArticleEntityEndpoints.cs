using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatKitApp.Articles;

/// <summary><c>GET /chatkit/entities?q=</c>: the articles the composer's @-menu offers.</summary>
public static class ArticleEntityEndpoints
{
    public const int MaxResults = 8;

    public static IEndpointRouteBuilder MapArticleEntities(this IEndpointRouteBuilder endpoints, string pattern = "/chatkit/entities")
    {
        endpoints.MapGet(pattern, (string? q, ArticleCatalog catalog) => Search(catalog, q)).WithName("ArticleEntities");
        return endpoints;
    }

    /// <summary>
    /// Titles containing the typed text first (the menu opens after one or two letters, which the
    /// word search ignores), then the word search's matches; nothing typed lists the first articles.
    /// </summary>
    public static Ok<List<ArticleEntity>> Search(ArticleCatalog catalog, string? query)
    {
        var text = query?.Trim() ?? "";
        IEnumerable<Article> found = text.Length == 0
            ? catalog.All
            : catalog.All.Where(a => a.Title.Contains(text, StringComparison.OrdinalIgnoreCase)).Concat(catalog.Search(text, MaxResults));
        return TypedResults.Ok(found.DistinctBy(a => a.Slug).Take(MaxResults).Select(ArticleEntity.From).ToList());
    }
}
