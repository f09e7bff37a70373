using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Articles;

public sealed class ArticleEntityEndpointsTests
{
    [Fact]
    public async Task Tag_search_matches_title_fragments_and_answers_entities_with_the_article_path()
    {
        await using var app = new ChatKitAppFactory();

        var entities = await app.CreateClient().GetFromJsonAsync<JsonArray>(new Uri("/chatkit/entities?q=st", UriKind.Relative));

        Assert.NotNull(entities);
        var streaming = entities.Single(e => e!["id"]!.GetValue<string>() == "streaming-with-server-sent-events")!;
        Assert.Equal("Streaming with server-sent events", streaming["title"]!.GetValue<string>());
        Assert.Equal("Articles", streaming["group"]!.GetValue<string>());
        Assert.True(streaming["interactive"]!.GetValue<bool>());
        Assert.Equal("/articles/streaming-with-server-sent-events", streaming["data"]!["path"]!.GetValue<string>());
        Assert.All(entities, e => Assert.Contains("st", e!["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Empty_tag_search_lists_articles_up_to_the_cap()
    {
        await using var app = new ChatKitAppFactory();

        var entities = await app.CreateClient().GetFromJsonAsync<JsonArray>(new Uri("/chatkit/entities", UriKind.Relative));

        Assert.InRange(entities!.Count, 1, ChatKitApp.Articles.ArticleEntityEndpoints.MaxResults);
    }
}
