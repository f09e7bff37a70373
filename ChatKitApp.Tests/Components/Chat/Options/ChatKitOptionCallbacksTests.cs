using System.Text.Json;
using ChatKitApp.Components.Chat.Options;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.Tests.Components.Chat.Options;

public sealed class ChatKitOptionCallbacksTests
{
    private static readonly ChatKitEntity Doc = new("Q2 plan", "doc_1", Interactive: true, Data: new Dictionary<string, string> { ["path"] = "/q2" });

    [Theory]
    [InlineData("header.leftAction.onClick", "left")]
    [InlineData("header.rightAction.onClick", "right")]
    public async Task Header_button_click_runs_its_event_callback_and_answers_nothing(string path, string expected)
    {
        var clicked = new List<string>();
        var options = new ChatKitOptions
        {
            Header = new ChatKitHeader
            {
                LeftAction = new ChatKitHeaderAction("sidebar-left", EventCallback.Factory.Create(this, () => clicked.Add("left"))),
                RightAction = new ChatKitHeaderAction("close", EventCallback.Factory.Create(this, () => clicked.Add("right"))),
            },
        };

        var answer = await ChatKitOptionCallbacks.InvokeAsync(options, path, "[]");

        Assert.Null(answer);
        Assert.Equal([expected], clicked);
    }

    [Fact]
    public async Task Tag_search_gets_the_query_and_answers_the_entities_as_the_element_reads_them()
    {
        string? asked = null;
        var options = new ChatKitOptions { Entities = new ChatKitEntities { OnTagSearch = q => { asked = q; return Task.FromResult<IReadOnlyList<ChatKitEntity>>([Doc]); } } };

        var answer = await ChatKitOptionCallbacks.InvokeAsync(options, "entities.onTagSearch", "[\"q2\"]");

        Assert.Equal("q2", asked);
        Assert.Equal("[{\"title\":\"Q2 plan\",\"id\":\"doc_1\",\"interactive\":true,\"data\":{\"path\":\"/q2\"}}]", answer);
    }

    [Fact]
    public async Task Entity_click_gets_the_typed_entity()
    {
        ChatKitEntity? clicked = null;
        var options = new ChatKitOptions { Entities = new ChatKitEntities { OnClick = EventCallback.Factory.Create<ChatKitEntity>(this, e => clicked = e) } };

        await ChatKitOptionCallbacks.InvokeAsync(options, "entities.onClick", "[{\"title\":\"Q2 plan\",\"id\":\"doc_1\",\"interactive\":true,\"data\":{\"path\":\"/q2\"}}]");

        Assert.NotNull(clicked);
        Assert.Equal(("doc_1", "/q2"), (clicked.Id, clicked.Data!["path"]));
    }

    [Theory]
    [InlineData("{\"type\":\"Basic\",\"children\":[]}", "{\"preview\":{\"type\":\"Basic\",\"children\":[]}}")]
    [InlineData(null, "{\"preview\":null}")]
    public async Task Entity_preview_answers_the_widget_or_an_explicit_null(string? widget, string expected)
    {
        var options = new ChatKitOptions
        {
            Entities = new ChatKitEntities
            {
                OnRequestPreview = e => Task.FromResult(e.Id == "doc_1" && widget is not null ? JsonDocument.Parse(widget).RootElement.Clone() : (JsonElement?)null),
            },
        };

        var answer = await ChatKitOptionCallbacks.InvokeAsync(options, "entities.onRequestPreview", "[{\"title\":\"Q2 plan\",\"id\":\"doc_1\"}]");

        Assert.Equal(expected, answer);
    }

    [Fact]
    public async Task Command_search_and_select_answer_commands_and_the_selection()
    {
        var summarize = new ChatKitCommand("summarize", "Summarize", Icon: "sparkle");
        var options = new ChatKitOptions
        {
            Commands = new ChatKitCommands
            {
                OnSearch = q => Task.FromResult<IReadOnlyList<ChatKitCommand>>(q == "sum" ? [summarize] : []),
                OnSelect = c => Task.FromResult<ChatKitCommandSelection?>(c.Id == "summarize" ? ChatKitCommandSelection.InsertEntity(Doc) : null),
            },
        };

        var found = await ChatKitOptionCallbacks.InvokeAsync(options, "commands.onSearch", "[\"sum\"]");
        var selected = await ChatKitOptionCallbacks.InvokeAsync(options, "commands.onSelect", "[{\"id\":\"summarize\",\"label\":\"Summarize\"}]");
        var nothing = await ChatKitOptionCallbacks.InvokeAsync(options, "commands.onSelect", "[{\"id\":\"other\",\"label\":\"Other\"}]");

        Assert.Equal("[{\"id\":\"summarize\",\"label\":\"Summarize\",\"icon\":\"sparkle\"}]", found);
        Assert.Equal("{\"type\":\"entity\",\"entity\":{\"title\":\"Q2 plan\",\"id\":\"doc_1\",\"interactive\":true,\"data\":{\"path\":\"/q2\"}}}", selected);
        Assert.Null(nothing);
    }

    [Theory]
    [InlineData("header.leftAction.onClick")]
    [InlineData("entities.onTagSearch")]
    [InlineData("api.fetch")]
    public async Task A_path_with_no_callback_set_throws_instead_of_answering(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ChatKitOptionCallbacks.InvokeAsync(new ChatKitOptions(), path, "[]"));
    }
}
