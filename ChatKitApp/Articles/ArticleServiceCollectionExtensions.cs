using ChatKitApp.Agents.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Articles;

public static class ArticleServiceCollectionExtensions
{
    /// <summary>
    /// Registers the article feature: the catalog, the search and card tools the model may call, and
    /// the card's Pin and Show more actions. The entity endpoints are mapped by <see cref="ArticleEntityEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new ArticleCatalog());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTool, ArticleSearchTool>());
        services.TryAddSingleton<ArticleCard>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTool, ArticleCardTool>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWidgetActionHandler, ArticleCardActions>());
        return services;
    }
}
