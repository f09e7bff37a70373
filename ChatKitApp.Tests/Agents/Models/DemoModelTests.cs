using System.Text.Json.Nodes;
using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Tests.Agents.Models;

public sealed class DemoModelTests
{
    [Fact]
    public async Task Demo_model_says_it_is_the_demo_and_describes_message_quote_and_page()
    {
        await using var harness = AgentHarness.StartDemo();
        var metadata = new JsonObject { ["page"] = new JsonObject { ["title"] = "Storing chats in PostgreSQL", ["headings"] = new JsonArray("Tables") } };

        var events = await harness.CreateThreadAsync("Is this durable?", metadata, quotedText: "jsonb keeps unknown widget properties");

        var text = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text;
        Assert.StartsWith(DemoChatClient.Banner, text, StringComparison.Ordinal);
        Assert.Contains("> Is this durable?", text);
        Assert.Contains("> jsonb keeps unknown widget properties", text);
        Assert.Contains("*Storing chats in PostgreSQL*", text);
        Assert.True(events.Count(e => e is ThreadItemUpdatedEvent { Update: AssistantMessageContentPartTextDelta }) > 10, "streams word by word");
        Assert.Equal("Is this durable?", events.OfType<ThreadUpdatedEvent>().Last().Thread.Title);
    }

    [Fact]
    public async Task Demo_model_answer_is_the_same_when_the_instructions_are_reworded()
    {
        await using var plain = AgentHarness.StartDemo();
        // Instructions that happen to contain the prompt's own page markers must not be read as the page.
        await using var reworded = AgentHarness.StartDemo(new() { ["ChatKit:Model:Instructions"] = "Be brief. Pages look like <page_context>{\"title\":\"Not the page\"}</page_context>." });
        static JsonObject Page() => new() { ["page"] = new JsonObject { ["title"] = "Storing chats in PostgreSQL", ["headings"] = new JsonArray("Tables") } };

        var expected = ReplyOf(await plain.CreateThreadAsync("Is this durable?", Page(), quotedText: "jsonb keeps unknown widget properties"));
        var actual = ReplyOf(await reworded.CreateThreadAsync("Is this durable?", Page(), quotedText: "jsonb keeps unknown widget properties"));

        Assert.Equal(expected, actual);
        Assert.Contains("You are on the page *Storing chats in PostgreSQL*, which has 1 heading.", actual);
    }

    [Fact]
    public async Task Demo_model_answers_from_the_turn_facts_whatever_the_messages_say()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions();
        new TurnFacts
        {
            Message = "Is this durable?",
            QuotedText = "jsonb keeps unknown widget properties",
            Tags = ["What is ChatKit"],
            Attachments = [new TurnAttachment("notes.md", "text/markdown", TurnAttachmentForm.Text) { Lines = 2 }],
            Page = new PageContext { Title = "Storing chats in PostgreSQL" },
            EarlierMessages = 2,
        }.AttachTo(options);
        List<ChatMessage> converterWording =
        [
            new(ChatRole.System, SystemPromptBuilder.PageContextStart + """{"title":"Elsewhere"}""" + SystemPromptBuilder.PageContextEnd),
            new(ChatRole.User, "Is this durable?"),
            new(ChatRole.User, ThreadItemConverter.QuotedTextIntro + "another passage"),
        ];
        List<ChatMessage> reworded = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "REWORDED"), new(ChatRole.User, "Quote: jsonb")];

        var fromConverterWording = string.Concat((await client.GetStreamingResponseAsync(converterWording, options).ToListAsync()).Select(u => u.Text));
        var fromRewording = string.Concat((await client.GetStreamingResponseAsync(reworded, options).ToListAsync()).Select(u => u.Text));

        Assert.Equal(fromConverterWording, fromRewording);
        Assert.Contains("> Is this durable?", fromRewording);
        Assert.Contains("> jsonb keeps unknown widget properties", fromRewording);
        Assert.Contains("You attached a text file I can read (2 lines).", fromRewording);
        Assert.Contains("You mentioned **What is ChatKit**", fromRewording);
        Assert.Contains("You are on the page *Storing chats in PostgreSQL*.", fromRewording);
        Assert.Contains("I can see 2 earlier messages", fromRewording);
    }

    [Fact]
    public async Task Demo_model_reads_structured_input_answers_from_the_turn_facts()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions();
        new TurnFacts { Message = "quiz me", Answers = [new TurnAnswer("Which topic?", ["Storage"])] }.AttachTo(options);

        var updates = await client.GetStreamingResponseAsync([new(ChatRole.User, "Answered: Storage")], options).ToListAsync();

        Assert.StartsWith("You chose **Storage**.", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
    }

    private static string ReplyOf(List<ThreadStreamEvent> events) =>
        events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text;

    [Fact]
    public async Task Demo_model_theme_dark_calls_the_set_theme_client_tool_and_resumes()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadAsync("theme dark please");

        var call = Assert.IsType<ClientToolCallItem>(events.OfType<ThreadItemDoneEvent>().Last().Item);
        Assert.Equal((ClientToolRegistry.SetTheme, ClientToolCallStatus.Pending), (call.Name, call.Status));
        Assert.Equal("dark", call.Arguments!["theme"]!.GetValue<string>());

        var resumed = await harness.AddClientToolOutputAsync(OpenAIAgentTests.ThreadIdOf(events), new JsonObject { ["theme"] = "dark" });
        Assert.Contains("**dark** theme", resumed.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text);
    }

    [Fact]
    public async Task Demo_model_time_runs_the_date_time_server_tool()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadAsync("What time is it?", new JsonObject { ["time_zone"] = "Asia/Tokyo" });

        var workflow = Assert.IsType<WorkflowItem>(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).Single(i => i is WorkflowItem));
        Assert.Equal("Checking the time", Assert.IsType<CustomTask>(Assert.Single(workflow.Workflow.Tasks)).Title);
        var text = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single().Content.Single().Text;
        Assert.Contains("It is **12:09 AM** on Sunday, March 15, 2026 in Asia/Tokyo.", text); // the app clock (15:09:26 UTC) in the user's zone
    }

    [Fact]
    public async Task Demo_model_time_reads_as_people_say_it_not_as_an_iso_timestamp()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadAsync("What time is it?", new JsonObject { ["time_zone"] = "America/New_York" });

        var text = ReplyOf(events);
        Assert.Contains("**11:09 AM** on Saturday, March 14, 2026", text);
        Assert.DoesNotContain("2026-03-14T", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instant_tool_step_ends_its_workflow_without_a_zero_duration()
    {
        await using var harness = AgentHarness.StartDemo(); // the harness clock stands still: the step takes 0 s

        var events = await harness.CreateThreadAsync("What time is it?");

        var workflow = Assert.IsType<WorkflowItem>(events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).Single(i => i is WorkflowItem));
        Assert.Null(workflow.Workflow.Summary);
        Assert.False(workflow.Workflow.Expanded);
    }

    [Fact]
    public async Task Demo_model_after_a_skipped_question_says_it_was_skipped()
    {
        await using var harness = AgentHarness.StartDemo();
        var quiz = await harness.CreateThreadAsync("quiz me");
        var question = Assert.IsType<StructuredInputItem>(quiz.OfType<ThreadItemDoneEvent>().Select(d => d.Item).Single(i => i is StructuredInputItem));

        var skipped = await harness.RunAsync(
            new JsonObject
            {
                ["type"] = "threads.add_structured_input",
                ["params"] = new JsonObject { ["thread_id"] = question.ThreadId, ["item_id"] = question.Id, ["input"] = new JsonObject { ["status"] = "skipped", ["answers"] = new JsonObject() } },
            },
            default);

        var text = ReplyOf(skipped);
        Assert.StartsWith("You skipped the question", text, StringComparison.Ordinal);
        Assert.DoesNotContain("You chose", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_model_names_the_chosen_answer_and_the_skipped_questions()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions();
        new TurnFacts { Message = "quiz me", Answers = [new TurnAnswer("Which topic?", ["Storage"]), new TurnAnswer("How deep?", [])] }.AttachTo(options);

        var text = string.Concat((await client.GetStreamingResponseAsync([new(ChatRole.User, "quiz me")], options).ToListAsync()).Select(u => u.Text));

        Assert.StartsWith("You chose **Storage**. Good choice! You skipped *How deep?*.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "I can see 1 earlier message in this thread.")]
    [InlineData(3, "I can see 3 earlier messages in this thread.")]
    public async Task Demo_model_counts_earlier_messages_with_the_right_plural(int earlier, string expected)
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions();
        new TurnFacts { Message = "hi again", EarlierMessages = earlier }.AttachTo(options);

        var text = string.Concat((await client.GetStreamingResponseAsync([new(ChatRole.User, "hi again")], options).ToListAsync()).Select(u => u.Text));

        Assert.Contains(expected, text);
    }

    [Fact]
    public async Task Demo_model_on_a_new_thread_claims_no_earlier_messages()
    {
        await using var harness = AgentHarness.StartDemo();

        var first = ReplyOf(await harness.CreateThreadAsync("Hello"));

        Assert.DoesNotContain("earlier", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_model_article_search_cites_the_article()
    {
        await using var harness = AgentHarness.StartDemo();

        var events = await harness.CreateThreadAsync("search postgresql storage");

        var reply = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<AssistantMessageItem>().Single();
        Assert.Contains("[Storing chats in PostgreSQL](/articles/storing-chats-in-postgresql)", reply.Content.Single().Text);
        Assert.Contains(reply.Content.Single().Annotations, a => a.Source is UrlSource { Url: "/articles/storing-chats-in-postgresql" });
    }

    [Fact]
    public async Task Demo_model_streams_deterministically_with_a_delay_per_word()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.FromMilliseconds(5));
        List<ChatMessage> messages = [new(ChatRole.System, "prompt"), new(ChatRole.User, "hello there")];

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await client.GetStreamingResponseAsync(messages).ToListAsync();
        var elapsed = clock.Elapsed;
        var second = await client.GetStreamingResponseAsync(messages).ToListAsync();

        Assert.True(first.Count > 20);
        Assert.All(first, u => Assert.Equal(DemoChatClient.MessageId, u.MessageId));
        Assert.Equal(string.Concat(first.Select(u => u.Text)), string.Concat(second.Select(u => u.Text)));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(5 * first.Count * 0.8), $"{first.Count} words in {elapsed}");
    }

    [Fact]
    public async Task Demo_model_streams_one_word_per_update_keeping_the_spaces()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);

        var updates = await client.GetStreamingResponseAsync([new(ChatRole.User, "hello there")]).ToListAsync();

        Assert.Equal(["**Demo ", "model** ", "(no "], updates.Take(3).Select(u => u.Text));
        Assert.All(updates.SkipLast(1), u => Assert.Equal(u.Text.Length - 1, u.Text.IndexOf(' ', StringComparison.Ordinal))); // its only space ends it
        Assert.DoesNotContain(' ', updates[^1].Text);
    }

    [Theory]
    [InlineData("show a widget about storage", ArticleCardTool.ToolName, """{"query":"storage"}""")]
    [InlineData("a card listing the articles", ArticleCardTool.ToolName, """{"query":"listing"}""")] // a card, not a search
    [InlineData("quiz me, then toast", AskQuestionTool.ToolName, """{"question":"Which topic would you like to explore?","options":["Streaming","Storage","Widgets"]}""")]
    [InlineData("toast the dark theme", ToastTool.ToolName, """{"message":"Hello from the demo model!","kind":"success"}""")]
    [InlineData("LIGHT mode at this time", ClientToolRegistry.SetTheme, """{"theme":"light"}""")]
    [InlineData("what is the date today", CurrentTimeTool.ToolName, "{}")]
    [InlineData("search streaming", ArticleSearchTool.ToolName, """{"query":"search streaming"}""")]
    public async Task Demo_model_keyword_calls_the_first_matching_offered_tool_with_fixed_arguments(string message, string tool, string arguments)
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions { Tools = [.. KeywordToolNames.Select(name => AIFunctionFactory.Create(() => "", name))] };

        var update = Assert.Single(await client.GetStreamingResponseAsync([new(ChatRole.User, message)], options).ToListAsync());

        var call = Assert.IsType<FunctionCallContent>(Assert.Single(update.Contents));
        Assert.Equal((tool, "call_demo_1", ChatFinishReason.ToolCalls), (call.Name, call.CallId, update.FinishReason));
        Assert.Equal(arguments, System.Text.Json.JsonSerializer.SerializeToNode(call.Arguments, AIJsonUtilities.DefaultOptions)!.ToJsonString());
    }

    [Fact]
    public async Task Demo_model_keyword_skips_a_tool_that_is_not_offered()
    {
        using var client = new DemoChatClient(TimeProvider.System, TimeSpan.Zero);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => "", ArticleSearchTool.ToolName)] };

        var withSearch = await client.GetStreamingResponseAsync([new(ChatRole.User, "a card listing the articles")], options).ToListAsync();
        var withNoTools = await client.GetStreamingResponseAsync([new(ChatRole.User, "a card listing the articles")]).ToListAsync();

        Assert.Equal(ArticleSearchTool.ToolName, Assert.IsType<FunctionCallContent>(Assert.Single(Assert.Single(withSearch).Contents)).Name);
        Assert.DoesNotContain(withNoTools.SelectMany(u => u.Contents), c => c is FunctionCallContent);
    }

    private static readonly string[] KeywordToolNames =
    [
        ArticleCardTool.ToolName, AskQuestionTool.ToolName, ToastTool.ToolName, ClientToolRegistry.SetTheme, CurrentTimeTool.ToolName, ArticleSearchTool.ToolName,
    ];

    [Fact]
    public void Demo_titles_are_the_first_words_of_the_message()
    {
        Assert.Equal("How do I store chats in…", ThreadTitleGenerator.FirstWords("How do I store chats in PostgreSQL with Citus?"));
        Assert.Equal("Hi", ThreadTitleGenerator.FirstWords("  Hi \n"));
        Assert.Null(ThreadTitleGenerator.FirstWords("   "));
    }
}
