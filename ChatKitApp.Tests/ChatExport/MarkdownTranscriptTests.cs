using System.Text.Json.Nodes;
using ChatKitApp.ChatExport;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Tests.ChatExport;

public sealed class MarkdownTranscriptTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 15, 31, 0, TimeSpan.Zero);

    [Fact]
    public void Every_kind_of_item_is_written_as_text_in_order()
    {
        ThreadItem[] items =
        [
            new UserMessageItem
            {
                Id = "msg_1", ThreadId = "thr_1", CreatedAt = Start,
                Content = [new UserMessageTextContent("What about "), new UserMessageTagContent { Id = "a", Text = "Streaming" }, new UserMessageTextContent("?")],
                QuotedText = "a quoted\npassage",
                Attachments = [new FileAttachment { Id = "atc_1", Name = "notes.txt", MimeType = "text/plain" }],
            },
            new WorkflowItem
            {
                Id = "wf_1", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(1),
                Workflow = new Workflow
                {
                    Summary = new WorkflowSummary { Duration = 3 },
                    Tasks =
                    [
                        new CustomTask { Title = "Searching the articles", Content = "2 found" },
                        new SearchTask { TitleQuery = "sse", Queries = ["sse", "streams"], Sources = [new UrlSource { Title = "Spec (HTML)", Url = "https://example.com/a b" }] },
                        new ThoughtTask { Content = "Thinking it over" },
                    ],
                },
            },
            new ClientToolCallItem
            {
                Id = "tc_1", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(2), CallId = "call_1", Name = "set_theme",
                Arguments = new JsonObject { ["theme"] = "dark" }, Output = new JsonObject { ["ok"] = true }, Status = ClientToolCallStatus.Completed,
            },
            new AssistantMessageItem
            {
                Id = "msg_2", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(3),
                Content =
                [
                    new AssistantMessageContent
                    {
                        Text = "**Yes.**\n\nSee the article.",
                        Annotations =
                        [
                            new Annotation { Source = new UrlSource { Title = "Streaming", Url = "/articles/streaming" } },
                            new Annotation { Source = new UrlSource { Title = "Streaming", Url = "/articles/streaming" } },
                            new Annotation { Source = new FileSource { Title = "Report", Filename = "report.pdf" } },
                        ],
                    },
                ],
            },
            new WidgetItem { Id = "w_1", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(4), Widget = [], CopyText = "Card: Streaming" },
            new StructuredInputItem
            {
                Id = "si_1", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(5),
                Inputs = [new FreeformInput { Id = "q1", Question = "Why?", Answer = new StructuredInputAnswer { Values = ["Because"] } }],
            },
            new EndOfTurnItem { Id = "eot_1", ThreadId = "thr_1", CreatedAt = Start.AddMinutes(6) },
        ];
        var thread = new ChatThread { Id = "thr_1", Title = "Trip\nideas", CreatedAt = Start, Items = new Page<ThreadItem> { Data = items } };

        var markdown = MarkdownTranscript.Write(thread, Start.AddHours(1));

        Assert.Equal(
            """
            # Trip ideas

            - Thread: `thr_1`
            - Created: 2026-12-03 15:31 UTC
            - Exported: 2026-12-03 16:31 UTC

            ## User · 2026-12-03 15:31 UTC

            > a quoted
            > passage

            What about @Streaming?

            Attachments: notes.txt

            ## Workflow (3 s) · 2026-12-03 15:32 UTC

            - Searching the articles: 2 found
            - sse: Searched: sse, streams
            - Thought: Thinking it over

            Sources:

            - [Spec (HTML)](https://example.com/a%20b)

            ## Tool call: set_theme · 2026-12-03 15:33 UTC

            Arguments: {"theme":"dark"}
            Result: {"ok":true}

            ## Assistant · 2026-12-03 15:34 UTC

            **Yes.**

            See the article.

            Sources:

            - [Streaming](/articles/streaming)
            - Report (report.pdf)

            ## Widget · 2026-12-03 15:35 UTC

            Card: Streaming

            ## Questions · 2026-12-03 15:36 UTC

            - Why? Because

            """.ReplaceLineEndings("\n"),
            markdown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Thread_without_a_title_is_an_untitled_chat()
    {
        var thread = new ChatThread { Id = "thr_1", CreatedAt = Start };

        Assert.StartsWith("# Untitled chat\n", MarkdownTranscript.Write(thread, Start).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trip ideas", "chat-trip-ideas.md")]
    [InlineData("  Ünïcode/..\\\"quotes\"\r\nand; more  ", "chat-n-code-quotes-and-more.md")]
    [InlineData("¿?", "chat-thr_1.md")]
    [InlineData(null, "chat-thr_1.md")]
    public void File_name_is_the_title_in_safe_characters_or_the_thread_id(string? title, string expected)
    {
        var thread = new ChatThread { Id = "thr_1", Title = title, CreatedAt = Start };

        Assert.Equal(expected, ChatExportEndpoints.FileName(thread, "md"));
    }
}
