namespace ChatKitApp.Articles;

/// <summary>What a tagged article tells the model (the converter sends a tag's data) and the host (where to go on click).</summary>
public sealed record ArticleEntityData(string Path, string Summary);
