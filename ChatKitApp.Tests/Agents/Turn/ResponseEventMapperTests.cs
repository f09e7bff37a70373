using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Tests.Agents.Turn;

public sealed class ResponseEventMapperTests
{
    [Fact]
    public void Provider_citations_become_annotations()
    {
        var mapper = Mapper();
        var cited = new TextContent("ChatKit docs")
        {
            Annotations =
            [
                new CitationAnnotation { Title = "Docs", Url = new Uri("https://example.test/docs"), AnnotatedRegions = [new TextSpanAnnotatedRegion { StartIndex = 0, EndIndex = 7 }] },
                new CitationAnnotation { FileId = "file_1" },
                new CitationAnnotation(), // nothing to link to: dropped
            ],
        };

        var events = mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, [cited]) { MessageId = "__fake_id__" }).Concat(mapper.Complete()).ToList();

        var done = Assert.IsType<AssistantMessageItem>(events.OfType<ThreadItemDoneEvent>().Single().Item);
        var annotations = done.Content.Single().Annotations;
        Assert.Equal(2, annotations.Count);
        Assert.Equal(("https://example.test/docs", 7), (Assert.IsType<UrlSource>(annotations[0].Source).Url, annotations[0].Index));
        Assert.Equal("file_1", Assert.IsType<FileSource>(annotations[1].Source).Filename);
        Assert.Equal(2, events.Count(e => e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartAnnotationAdded }));
    }

    [Fact]
    public void A_new_provider_message_after_text_starts_a_new_item_and_ids_are_never_the_providers()
    {
        var mapper = Mapper();

        var events = mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, "one") { MessageId = "m1" })
            .Concat(mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, "two") { MessageId = "m2" }))
            .Concat(mapper.Complete())
            .ToList();

        var done = events.OfType<ThreadItemDoneEvent>().Select(d => (AssistantMessageItem)d.Item).ToList();
        Assert.Equal(["one", "two"], done.Select(m => m.Content.Single().Text));
        Assert.Equal(["msg_1", "msg_2"], done.Select(m => m.Id));
    }

    [Fact]
    public void Abandon_removes_the_items_still_streaming()
    {
        var mapper = Mapper();

        var streamed = mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, "half")).ToList();
        var removed = mapper.Abandon().ToList();

        var id = Assert.IsType<ThreadItemAddedEvent>(streamed[0]).Item.Id;
        Assert.Equal(id, Assert.IsType<ThreadItemRemovedEvent>(Assert.Single(removed)).ItemId);
        Assert.Empty(mapper.Complete());
    }

    [Fact]
    public void A_tool_emitted_item_closes_the_open_message_and_workflow_first_but_effects_do_not()
    {
        var mapper = Mapper();
        var widget = new WidgetItem { Id = "msg_w", ThreadId = "thr_1", CreatedAt = DateTimeOffset.UnixEpoch, Widget = [] };

        var before = mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, "Looking…"))
            .Concat(mapper.Map(new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("c1", CurrentTimeTool.ToolName)])))
            .ToList();
        var effect = mapper.Forward(new ClientEffectEvent { Name = "toast" }).ToList();
        var forwarded = mapper.Forward(new ThreadItemDoneEvent(widget)).ToList();

        Assert.Contains(before, e => e is ThreadItemDoneEvent { Item: AssistantMessageItem }); // the tool call closed the message
        Assert.IsType<ClientEffectEvent>(Assert.Single(effect));
        Assert.Collection(
            forwarded,
            e => Assert.IsType<WorkflowItem>(Assert.IsType<ThreadItemDoneEvent>(e).Item),
            e => Assert.Same(widget, Assert.IsType<ThreadItemDoneEvent>(e).Item));
        Assert.Empty(mapper.Complete());
    }

    private static ResponseEventMapper Mapper()
    {
        var thread = new ThreadMetadata { Id = "thr_1", CreatedAt = DateTimeOffset.UnixEpoch };
        var counter = 0;
        var turn = new AgentTurn(thread, new ChatKitRequestContext("u"), null, TimeZoneInfo.Utc)
        {
            NewItemId = type => $"{ChatKitIds.Prefix(type)}_{++counter}",
            Now = () => DateTimeOffset.UnixEpoch,
        };
        return new ResponseEventMapper(
            turn,
            new ServerToolRegistry([new CurrentTimeTool(TimeProvider.System), new ArticleSearchTool(new ArticleCatalog())], []),
            new ClientToolRegistry());
    }
}
