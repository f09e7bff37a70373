namespace ChatKitApp.Articles;

/// <summary>An article as a ChatKit entity (<c>entities.onTagSearch</c>): what an @-mention carries.</summary>
public sealed record ArticleEntity(string Id, string Title, string Icon, string Group, bool Interactive, ArticleEntityData Data)
{
    public static ArticleEntity From(Article article) =>
        new(article.Slug, article.Title, "document", "Articles", Interactive: true, new ArticleEntityData(article.Path, article.Summary));
}
