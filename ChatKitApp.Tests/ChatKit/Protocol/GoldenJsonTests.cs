using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Tests.ChatKit.Protocol;

/// <summary>
/// Every protocol type against its exact wire JSON: written compactly with nulls omitted and
/// defaults present, read back, and written again to the same bytes.
/// </summary>
public sealed class GoldenJsonTests
{
    private const string At = "\"created_at\":\"2026-01-02T03:04:05.123456Z\"";
    private const string Base = "\"id\":\"i1\",\"thread_id\":\"t1\"," + At;
    private static readonly DateTimeOffset Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560);

    public static TheoryData<string, ThreadItem> Items => new()
    {
        {
            "{\"type\":\"user_message\"," + Base + ",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"},{\"type\":\"input_tag\",\"id\":\"e1\",\"text\":\"Ada\",\"data\":{\"k\":1},\"interactive\":false}],\"attachments\":[{\"type\":\"image\",\"id\":\"atc_1\",\"name\":\"a.png\",\"mime_type\":\"image/png\",\"thread_id\":\"t1\",\"preview_url\":\"https://e.com/p.png\"}],\"quoted_text\":\"quote\",\"inference_options\":{\"tool_choice\":{\"id\":\"search\"},\"model\":\"m\"}}",
            new UserMessageItem
            {
                Id = "i1", ThreadId = "t1", CreatedAt = Time,
                Content = [new UserMessageTextContent("Hi"), new UserMessageTagContent { Id = "e1", Text = "Ada", Data = new JsonObject { ["k"] = 1 } }],
                Attachments = [new ImageAttachment { Id = "atc_1", Name = "a.png", MimeType = "image/png", ThreadId = "t1", PreviewUrl = "https://e.com/p.png" }],
                QuotedText = "quote",
                InferenceOptions = new InferenceOptions { ToolChoice = new ToolChoice("search"), Model = "m" },
            }
        },
        {
            "{\"type\":\"assistant_message\"," + Base + ",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\",\"annotations\":[{\"type\":\"annotation\",\"source\":{\"type\":\"url\",\"title\":\"E\",\"url\":\"https://e.com\"},\"index\":5},{\"type\":\"annotation\",\"source\":{\"type\":\"file\",\"title\":\"F\",\"filename\":\"f.pdf\"}},{\"type\":\"annotation\",\"source\":{\"type\":\"entity\",\"title\":\"E\",\"id\":\"e1\",\"icon\":\"suitcase\",\"interactive\":true,\"data\":{\"k\":1}},\"index\":3}]}]}",
            new AssistantMessageItem
            {
                Id = "i1", ThreadId = "t1", CreatedAt = Time,
                Content =
                [
                    new AssistantMessageContent
                    {
                        Text = "Hello",
                        Annotations =
                        [
                            new Annotation { Source = new UrlSource { Title = "E", Url = "https://e.com" }, Index = 5 },
                            new Annotation { Source = new FileSource { Title = "F", Filename = "f.pdf" } },
                            new Annotation { Source = new EntitySource { Title = "E", Id = "e1", Icon = "suitcase", Interactive = true, Data = new JsonObject { ["k"] = 1 } }, Index = 3 },
                        ],
                    },
                ],
            }
        },
        {
            "{\"type\":\"client_tool_call\"," + Base + ",\"status\":\"pending\",\"call_id\":\"call_1\",\"name\":\"get_sel\",\"arguments\":{\"x\":1}}",
            new ClientToolCallItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, CallId = "call_1", Name = "get_sel", Arguments = new JsonObject { ["x"] = 1 } }
        },
        {
            "{\"type\":\"client_tool_call\"," + Base + ",\"status\":\"completed\",\"call_id\":\"c\",\"name\":\"n\",\"arguments\":{},\"output\":[1,\"two\",null]}",
            new ClientToolCallItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, CallId = "c", Name = "n", Status = ClientToolCallStatus.Completed, Output = new JsonArray(1, "two", null) }
        },
        {
            "{\"type\":\"widget\"," + Base + ",\"widget\":{\"type\":\"Card\",\"children\":[{\"type\":\"Button\",\"onClickAction\":{\"type\":\"go\",\"loadingBehavior\":\"self\"},\"defaultChecked\":true,\"label\":null}]},\"copy_text\":\"Hi there\"}",
            new WidgetItem
            {
                Id = "i1", ThreadId = "t1", CreatedAt = Time, CopyText = "Hi there",
                Widget = JsonNode.Parse("{\"type\":\"Card\",\"children\":[{\"type\":\"Button\",\"onClickAction\":{\"type\":\"go\",\"loadingBehavior\":\"self\"},\"defaultChecked\":true,\"label\":null}]}")!.AsObject(),
            }
        },
        {
            "{\"type\":\"generated_image\"," + Base + ",\"image\":{\"id\":\"img\",\"url\":\"data:image/png;base64,AA==\"}}",
            new GeneratedImageItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, Image = new GeneratedImage("img", "data:image/png;base64,AA==") }
        },
        {
            "{\"type\":\"generated_image\"," + Base + "}",
            new GeneratedImageItem { Id = "i1", ThreadId = "t1", CreatedAt = Time }
        },
        {
            "{\"type\":\"structured_input\"," + Base + ",\"status\":\"answered\",\"inputs\":[{\"type\":\"multiple_choice\",\"id\":\"q1\",\"question\":\"Pick\",\"answer\":{\"values\":[\"a\"],\"skipped\":false},\"options\":[{\"value\":\"a\"},{\"value\":\"b\"}],\"multiple\":false},{\"type\":\"freeform\",\"id\":\"q2\",\"question\":\"Why?\",\"answer\":{\"values\":[],\"skipped\":true},\"description\":\"d\"}]}",
            new StructuredInputItem
            {
                Id = "i1", ThreadId = "t1", CreatedAt = Time, Status = StructuredInputStatus.Answered,
                Inputs =
                [
                    new MultipleChoiceInput { Id = "q1", Question = "Pick", Options = [new("a"), new("b")], Answer = new StructuredInputAnswer { Values = ["a"] } },
                    new FreeformInput { Id = "q2", Question = "Why?", Description = "d", Answer = new StructuredInputAnswer { Skipped = true } },
                ],
            }
        },
        {
            "{\"type\":\"workflow\"," + Base + ",\"workflow\":{\"type\":\"reasoning\",\"tasks\":[{\"type\":\"thought\",\"status_indicator\":\"none\",\"content\":\"c\"},{\"type\":\"web_search\",\"status_indicator\":\"loading\",\"title_query\":\"q\",\"queries\":[\"q\"],\"sources\":[{\"type\":\"url\",\"title\":\"S\",\"url\":\"https://s\"}]},{\"type\":\"file\",\"status_indicator\":\"complete\",\"sources\":[]},{\"type\":\"image\",\"status_indicator\":\"none\",\"title\":\"Img\"}],\"summary\":{\"duration\":3},\"expanded\":false}}",
            new WorkflowItem
            {
                Id = "i1", ThreadId = "t1", CreatedAt = Time,
                Workflow = new Workflow
                {
                    Type = WorkflowType.Reasoning,
                    Tasks =
                    [
                        new ThoughtTask { Content = "c" },
                        new SearchTask { StatusIndicator = TaskStatusIndicator.Loading, TitleQuery = "q", Queries = ["q"], Sources = [new UrlSource { Title = "S", Url = "https://s" }] },
                        new FileTask { StatusIndicator = TaskStatusIndicator.Complete },
                        new ImageTask { Title = "Img" },
                    ],
                    Summary = new WorkflowSummary { Duration = 3 },
                },
            }
        },
        {
            "{\"type\":\"task\"," + Base + ",\"task\":{\"type\":\"custom\",\"status_indicator\":\"none\",\"title\":\"Done\",\"icon\":\"check\",\"content\":\"ok\"}}",
            new TaskItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, Task = new CustomTask { Title = "Done", Icon = "check", Content = "ok" } }
        },
        {
            "{\"type\":\"hidden_context_item\"," + Base + ",\"content\":{\"any\":[\"json\"]}}",
            new HiddenContextItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, Content = new JsonObject { ["any"] = new JsonArray("json") } }
        },
        {
            "{\"type\":\"sdk_hidden_context\"," + Base + ",\"content\":\"The user cancelled the stream.\"}",
            new SdkHiddenContextItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, Content = "The user cancelled the stream." }
        },
        {
            "{\"type\":\"end_of_turn\"," + Base + "}",
            new EndOfTurnItem { Id = "i1", ThreadId = "t1", CreatedAt = Time }
        },
    };

    public static TheoryData<string, ThreadStreamEvent> Events => new()
    {
        {
            "{\"type\":\"thread.created\",\"thread\":{\"id\":\"t1\"," + At + ",\"status\":{\"type\":\"active\"},\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}}",
            new ThreadCreatedEvent(new ChatThread { Id = "t1", CreatedAt = Time })
        },
        {
            "{\"type\":\"thread.updated\",\"thread\":{\"title\":\"T\",\"id\":\"t1\"," + At + ",\"status\":{\"type\":\"locked\",\"reason\":\"r\"},\"allowed_image_domains\":[\"e.com\"],\"metadata\":{},\"items\":{\"data\":[],\"has_more\":false}}}",
            new ThreadUpdatedEvent(new ChatThread { Id = "t1", Title = "T", CreatedAt = Time, Status = new LockedStatus("r"), AllowedImageDomains = ["e.com"] })
        },
        {
            "{\"type\":\"thread.item.added\",\"item\":{\"type\":\"end_of_turn\"," + Base + "}}",
            new ThreadItemAddedEvent(new EndOfTurnItem { Id = "i1", ThreadId = "t1", CreatedAt = Time })
        },
        {
            "{\"type\":\"thread.item.done\",\"item\":{\"type\":\"end_of_turn\"," + Base + "}}",
            new ThreadItemDoneEvent(new EndOfTurnItem { Id = "i1", ThreadId = "t1", CreatedAt = Time })
        },
        {
            "{\"type\":\"thread.item.replaced\",\"item\":{\"type\":\"end_of_turn\"," + Base + "}}",
            new ThreadItemReplacedEvent(new EndOfTurnItem { Id = "i1", ThreadId = "t1", CreatedAt = Time })
        },
        { "{\"type\":\"thread.item.removed\",\"item_id\":\"i1\"}", new ThreadItemRemovedEvent("i1") },
        { "{\"type\":\"stream_options\",\"stream_options\":{\"allow_cancel\":true}}", new StreamOptionsEvent(new StreamOptions(true)) },
        { "{\"type\":\"progress_update\",\"text\":\"Searching...\",\"icon\":\"search\"}", new ProgressUpdateEvent("Searching...", "search") },
        { "{\"type\":\"client_effect\",\"name\":\"fx\",\"data\":{\"a\":1}}", new ClientEffectEvent { Name = "fx", Data = new JsonObject { ["a"] = 1 } } },
        { "{\"type\":\"error\",\"code\":\"custom\",\"message\":\"Custom msg\",\"allow_retry\":true}", new ErrorEvent { Message = "Custom msg", AllowRetry = true } },
        { "{\"type\":\"error\",\"code\":\"stream.error\",\"allow_retry\":false}", new ErrorEvent { Code = ErrorCodes.StreamError } },
        { "{\"type\":\"notice\",\"level\":\"warning\",\"message\":\"**hi**\",\"title\":\"T\"}", new NoticeEvent { Level = NoticeLevel.Warning, Message = "**hi**", Title = "T" } },
        { Updated("{\"type\":\"assistant_message.content_part.added\",\"content_index\":0,\"content\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}"), new ThreadItemUpdatedEvent("i1", new AssistantMessageContentPartAdded(0, new AssistantMessageContent())) },
        { Updated("{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"Hel\"}"), new ThreadItemUpdatedEvent("i1", new AssistantMessageContentPartTextDelta(0, "Hel")) },
        { Updated("{\"type\":\"assistant_message.content_part.annotation_added\",\"content_index\":0,\"annotation_index\":0,\"annotation\":{\"type\":\"annotation\",\"source\":{\"type\":\"url\",\"title\":\"E\",\"url\":\"https://e.com\"},\"index\":5}}"), new ThreadItemUpdatedEvent("i1", new AssistantMessageContentPartAnnotationAdded(0, 0, new Annotation { Source = new UrlSource { Title = "E", Url = "https://e.com" }, Index = 5 })) },
        { Updated("{\"type\":\"assistant_message.content_part.done\",\"content_index\":0,\"content\":{\"type\":\"output_text\",\"text\":\"Hello\",\"annotations\":[]}}"), new ThreadItemUpdatedEvent("i1", new AssistantMessageContentPartDone(0, new AssistantMessageContent { Text = "Hello" })) },
        { Updated("{\"type\":\"widget.streaming_text.value_delta\",\"component_id\":\"t\",\"delta\":\"Hi\",\"done\":false}"), new ThreadItemUpdatedEvent("i1", new WidgetStreamingTextValueDelta("t", "Hi", false)) },
        { Updated("{\"type\":\"widget.root.updated\",\"widget\":{\"type\":\"Card\",\"asForm\":true}}"), new ThreadItemUpdatedEvent("i1", new WidgetRootUpdated(new JsonObject { ["type"] = "Card", ["asForm"] = true })) },
        { Updated("{\"type\":\"widget.component.updated\",\"component_id\":\"t\",\"component\":{\"type\":\"Text\",\"value\":\"x\"}}"), new ThreadItemUpdatedEvent("i1", new WidgetComponentUpdated("t", new JsonObject { ["type"] = "Text", ["value"] = "x" })) },
        { Updated("{\"type\":\"workflow.task.added\",\"task_index\":0,\"task\":{\"type\":\"thought\",\"status_indicator\":\"none\",\"content\":\"c\"}}"), new ThreadItemUpdatedEvent("i1", new WorkflowTaskAdded(0, new ThoughtTask { Content = "c" })) },
        { Updated("{\"type\":\"workflow.task.updated\",\"task_index\":1,\"task\":{\"type\":\"custom\",\"status_indicator\":\"complete\",\"title\":\"t\"}}"), new ThreadItemUpdatedEvent("i1", new WorkflowTaskUpdated(1, new CustomTask { Title = "t", StatusIndicator = TaskStatusIndicator.Complete })) },
        { Updated("{\"type\":\"generated_image.updated\",\"image\":{\"id\":\"img\",\"url\":\"u\"},\"progress\":0.5}"), new ThreadItemUpdatedEvent("i1", new GeneratedImageUpdated(new GeneratedImage("img", "u"), 0.5)) },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Thread_items_write_and_read_their_exact_wire_json(string json, ThreadItem item) => AssertRoundTrip(json, item);

    [Theory]
    [MemberData(nameof(Events))]
    public void Stream_events_write_and_read_their_exact_wire_json(string json, ThreadStreamEvent e) => AssertRoundTrip(json, e);

    [Fact]
    public void Workflow_summary_is_the_untagged_title_or_duration_shape()
    {
        var custom = new Workflow { Summary = new WorkflowSummary { Title = "Done", Icon = "check" } };

        var json = JsonSerializer.Serialize(new WorkflowItem { Id = "i1", ThreadId = "t1", CreatedAt = Time, Workflow = custom }, ChatKitJson.WireType<ThreadItem>());

        Assert.Contains("\"summary\":{\"title\":\"Done\",\"icon\":\"check\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_write_after_only_when_set()
    {
        var last = JsonSerializer.Serialize(new Page<ThreadItem>(), ChatKitJson.WireType<Page<ThreadItem>>());
        var more = JsonSerializer.Serialize(new Page<ThreadItem> { HasMore = true, After = "i9" }, ChatKitJson.WireType<Page<ThreadItem>>());

        Assert.Equal("{\"data\":[],\"has_more\":false}", last);
        Assert.Equal("{\"data\":[],\"has_more\":true,\"after\":\"i9\"}", more);
    }

    private static string Updated(string update) => "{\"type\":\"thread.item.updated\",\"item_id\":\"i1\",\"update\":" + update + "}";

    private static void AssertRoundTrip<T>(string json, T value)
    {
        var typeInfo = ChatKitJson.WireType<T>();
        Assert.Equal(json, JsonSerializer.Serialize(value, typeInfo));
        var read = JsonSerializer.Deserialize(json, typeInfo)!;
        Assert.Equal(value!.GetType(), read.GetType());
        Assert.Equal(json, JsonSerializer.Serialize(read, typeInfo));
    }
}
