using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Tests.Agents.Turn;

public sealed class ThreadItemConverterTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly ChatKitRequestContext Context = new("user-1");

    [Fact]
    public async Task Quoted_text_is_added_only_after_the_last_message()
    {
        var items = new ThreadItem[] { UserMessage("first", quoted: "old quote"), Assistant("answer"), UserMessage("second", quoted: "the passage") };

        var messages = await new ThreadItemConverter().ToChatMessagesAsync(items, Context, default);

        Assert.Equal(["first", "answer", "second", ThreadItemConverter.QuotedTextIntro + "the passage"], messages.Select(m => m.Text));
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.User], messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Tags_render_as_at_text_with_one_context_message()
    {
        var tag = new UserMessageTagContent { Id = "art-1", Text = "Streaming", Data = new JsonObject { ["slug"] = "streaming" } };
        var item = UserMessage("ignored") with { Content = [new UserMessageTextContent("Explain "), tag, new UserMessageTextContent(" and "), tag] };

        var messages = await new ThreadItemConverter().ToChatMessagesAsync([item], Context, default);

        Assert.Equal("Explain @Streaming and @Streaming", messages[0].Text);
        Assert.StartsWith(ThreadItemConverter.TagsIntro, messages[1].Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(messages[1].Text, "- @Streaming \\(id: art-1\\)"));
        Assert.Contains("{\"slug\":\"streaming\"}", messages[1].Text);
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task Convert_reads_the_newest_message_as_turn_facts_from_the_items()
    {
        var tag = new UserMessageTagContent { Id = "art-1", Text = "Streaming", Data = new JsonObject() };
        var newest = UserMessage("ignored", quoted: "the passage") with { Content = [new UserMessageTextContent(" Explain "), tag, new UserMessageTextContent(" twice "), tag] };
        var items = new ThreadItem[] { UserMessage("first", quoted: "old quote"), Assistant("answer"), newest };

        var facts = (await new ThreadItemConverter().ConvertAsync(items, Context, default)).Facts;

        Assert.Equal(("Explain @Streaming twice @Streaming", "the passage", 2), (facts.Message, facts.QuotedText, facts.EarlierMessages));
        Assert.Equal(["Streaming"], facts.Tags);
        Assert.Null(facts.Answers);
    }

    [Fact]
    public async Task Convert_reads_the_answers_of_a_structured_input_after_the_newest_message()
    {
        var question = new StructuredInputItem
        {
            Id = "si_1", ThreadId = "thr_1", CreatedAt = At, Status = StructuredInputStatus.Answered,
            Inputs = [new FreeformInput { Id = "q1", Question = "Why: really?", Answer = new StructuredInputAnswer { Values = ["because", "so"] } }, new FreeformInput { Id = "q2", Question = "When?", Answer = new StructuredInputAnswer { Skipped = true } }],
        };

        var answered = (await new ThreadItemConverter().ConvertAsync([UserMessage("quiz me"), question], Context, default)).Facts;
        var superseded = (await new ThreadItemConverter().ConvertAsync([UserMessage("quiz me"), question, UserMessage("never mind")], Context, default)).Facts;

        Assert.Equal([new TurnAnswer("Why: really?", ["because", "so"]), new TurnAnswer("When?", [])], answered.Answers!, (a, b) => a.Question == b.Question && a.Values.SequenceEqual(b.Values));
        Assert.Equal([false, true], answered.Answers!.Select(a => a.Skipped));
        Assert.Equal(("never mind", null), (superseded.Message, superseded.Answers));
    }

    [Fact]
    public async Task Completed_client_tool_call_becomes_call_and_result_and_pending_is_skipped()
    {
        var completed = ToolCall("call_1", ClientToolCallStatus.Completed, output: new JsonObject { ["ok"] = true });
        var pending = ToolCall("call_2", ClientToolCallStatus.Pending, output: null);

        var messages = await new ThreadItemConverter().ToChatMessagesAsync([completed, pending], Context, default);

        Assert.Equal(2, messages.Count);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(messages[0].Contents));
        Assert.Equal(ChatRole.Assistant, messages[0].Role);
        Assert.Equal(("call_1", "set_theme"), (call.CallId, call.Name));
        Assert.Equal("dark", call.Arguments!["theme"]!.ToString());
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(messages[1].Contents));
        Assert.Equal(ChatRole.Tool, messages[1].Role);
        Assert.Equal(("call_1", "{\"ok\":true}"), (result.CallId, result.Result as string));
    }

    [Fact]
    public async Task Hidden_context_is_wrapped_whether_text_or_json()
    {
        var items = new ThreadItem[]
        {
            new SdkHiddenContextItem { Id = "shcx_1", ThreadId = "thr_1", CreatedAt = At, Content = ChatKitServer<ChatKitRequestContext>.CancelledMarker },
            new HiddenContextItem { Id = "hc_1", ThreadId = "thr_1", CreatedAt = At, Content = new JsonObject { ["plan"] = "pro" } },
        };

        var messages = await new ThreadItemConverter().ToChatMessagesAsync(items, Context, default);

        Assert.Equal(ThreadItemConverter.HiddenContextStart + ChatKitServer<ChatKitRequestContext>.CancelledMarker + ThreadItemConverter.HiddenContextEnd, messages[0].Text);
        Assert.Equal(ThreadItemConverter.HiddenContextStart + "{\"plan\":\"pro\"}" + ThreadItemConverter.HiddenContextEnd, messages[1].Text);
    }

    [Fact]
    public async Task Widgets_workflows_and_structured_input_become_text()
    {
        var items = new ThreadItem[]
        {
            new WidgetItem { Id = "w_1", ThreadId = "thr_1", CreatedAt = At, Widget = new JsonObject { ["type"] = "Card", ["children"] = new JsonArray() } },
            new WorkflowItem
            {
                Id = "wf_1", ThreadId = "thr_1", CreatedAt = At,
                Workflow = new Workflow { Tasks = [new CustomTask { Title = "Searching the articles", Content = "2 found" }, new ThoughtTask { Content = "hmm" }] },
            },
            new StructuredInputItem
            {
                Id = "si_1", ThreadId = "thr_1", CreatedAt = At, Status = StructuredInputStatus.Answered,
                Inputs = [new FreeformInput { Id = "q1", Question = "Why?", Answer = new StructuredInputAnswer { Values = ["because", "so"] } }, new FreeformInput { Id = "q2", Question = "When?", Answer = new StructuredInputAnswer { Skipped = true } }],
            },
            new EndOfTurnItem { Id = "eot_1", ThreadId = "thr_1", CreatedAt = At },
        };

        var texts = (await new ThreadItemConverter().ToChatMessagesAsync(items, Context, default)).Select(m => m.Text).ToList();

        Assert.Equal(3, texts.Count); // the thought task and the end-of-turn marker say nothing
        Assert.Equal("The following graphical UI widget (id: w_1) was displayed to the user:{\"type\":\"Card\",\"children\":[]}", texts[0]);
        Assert.Equal("A message was displayed to the user that the following task was performed:\n<Task>\nSearching the articles: 2 found\n</Task>", texts[1]);
        Assert.Equal("A structured input request was displayed to the user with the following status: answered\n<StructuredInput>\n- Why?: because, so\n- When?: skipped\n</StructuredInput>", texts[2]);
    }

    [Fact]
    public async Task Image_attachment_with_an_absolute_preview_becomes_image_content()
    {
        var image = new ImageAttachment { Id = "atc_1", Name = "cat.png", MimeType = "image/png", PreviewUrl = "https://example.test/cat.png" };

        var messages = await new ThreadItemConverter().ToChatMessagesAsync([UserMessage("look") with { Attachments = [image] }], Context, default);

        var uri = Assert.IsType<UriContent>(messages[0].Contents[1]);
        Assert.Equal("https://example.test/cat.png", uri.Uri.ToString());
    }

    [Fact]
    public async Task Attachments_use_their_bytes_when_a_source_gives_them()
    {
        var source = new BytesSource(new() { ["atc_txt"] = Encoding.UTF8.GetBytes("line one"), ["atc_img"] = [1, 2, 3] });
        var text = new FileAttachment { Id = "atc_txt", Name = "notes.md", MimeType = "text/markdown" };
        var image = new ImageAttachment { Id = "atc_img", Name = "a.png", MimeType = "image/png", PreviewUrl = "/preview/a.png" };
        var other = new FileAttachment { Id = "atc_pdf", Name = "doc.pdf", MimeType = "application/pdf" };

        var contents = (await new ThreadItemConverter(source).ToChatMessagesAsync([UserMessage("see") with { Attachments = [text, image, other] }], Context, default))[0].Contents;

        Assert.Equal("<attachment name=\"notes.md\" type=\"text/markdown\">\nline one\n</attachment>", Assert.IsType<TextContent>(contents[1]).Text);
        Assert.Equal([1, 2, 3], Assert.IsType<DataContent>(contents[2]).Data.ToArray());
        Assert.Contains("doc.pdf", Assert.IsType<TextContent>(contents[3]).Text);
        Assert.Contains("not available", Assert.IsType<TextContent>(contents[3]).Text);
    }

    [Fact]
    public async Task Convert_describes_each_attachment_in_the_form_the_model_received_it()
    {
        var source = new BytesSource(new() { ["atc_txt"] = Encoding.UTF8.GetBytes("line one\nline two"), ["atc_img"] = [1, 2, 3], ["atc_zip"] = [9, 9] });
        var attachments = new Attachment[]
        {
            new FileAttachment { Id = "atc_txt", Name = "notes.md", MimeType = "text/markdown" },
            new ImageAttachment { Id = "atc_img", Name = "a.png", MimeType = "image/png", PreviewUrl = "/preview/a.png" },
            new ImageAttachment { Id = "atc_web", Name = "cat.png", MimeType = "image/png", PreviewUrl = "https://example.test/cat.png" },
            new FileAttachment { Id = "atc_zip", Name = "b.zip", MimeType = "application/zip" },
            new FileAttachment { Id = "atc_pdf", Name = "doc.pdf", MimeType = "application/pdf" },
        };

        var facts = (await new ThreadItemConverter(source).ConvertAsync([UserMessage("see") with { Attachments = attachments }], Context, default)).Facts;

        Assert.Equal(
            [
                new TurnAttachment("notes.md", "text/markdown", TurnAttachmentForm.Text) { Lines = 2 },
                new TurnAttachment("a.png", "image/png", TurnAttachmentForm.Image) { Bytes = 3 },
                new TurnAttachment("cat.png", "image/png", TurnAttachmentForm.ImageLink) { Url = new Uri("https://example.test/cat.png") },
                new TurnAttachment("b.zip", "application/zip", TurnAttachmentForm.File) { Bytes = 2 },
                new TurnAttachment("doc.pdf", "application/pdf", TurnAttachmentForm.Unavailable),
            ],
            facts.Attachments);
    }

    private static UserMessageItem UserMessage(string text, string? quoted = null) => new()
    {
        Id = "msg_" + text.GetHashCode(StringComparison.Ordinal),
        ThreadId = "thr_1",
        CreatedAt = At,
        Content = [new UserMessageTextContent(text)],
        QuotedText = quoted,
    };

    private static AssistantMessageItem Assistant(string text) => new()
    {
        Id = "msg_a", ThreadId = "thr_1", CreatedAt = At, Content = [new AssistantMessageContent { Text = text }],
    };

    private static ClientToolCallItem ToolCall(string callId, ClientToolCallStatus status, JsonNode? output) => new()
    {
        Id = "tc_" + callId, ThreadId = "thr_1", CreatedAt = At, CallId = callId, Name = "set_theme",
        Arguments = new JsonObject { ["theme"] = "dark" }, Status = status, Output = output,
    };

    private sealed class BytesSource(Dictionary<string, byte[]> bytes) : IAttachmentContentSource
    {
        public Task<ReadOnlyMemory<byte>?> ReadAsync(Attachment attachment, ChatKitRequestContext context, CancellationToken cancellationToken) =>
            Task.FromResult(bytes.TryGetValue(attachment.Id, out var b) ? (ReadOnlyMemory<byte>?)b : null);
    }
}
