using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

public sealed class WidgetDiffTests
{
    private static JsonObject Card(string value, bool? streaming, string? id = "t", string type = "Text") =>
        WidgetJson.ToJson(new Card
        {
            Children = [type == "Text" ? new Text { Id = id, Value = value, Streaming = streaming } : new Markdown { Id = id, Value = value, Streaming = streaming }],
        });

    [Fact]
    public void Appended_text_of_an_id_bearing_Text_gives_a_value_delta_not_done_while_streaming()
    {
        var updates = WidgetDiff.Diff(Card("Hi", true), Card("Hi there", true));

        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("t", " there", Done: false) }, updates);
    }

    [Fact]
    public void Appended_markdown_without_a_streaming_flag_is_done()
    {
        var updates = WidgetDiff.Diff(Card("a", null, type: "Markdown"), Card("ab", null, type: "Markdown"));

        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("t", "b", Done: true) }, updates);
    }

    [Fact]
    public void Streaming_flag_flip_replaces_the_root_as_the_reference_does()
    {
        // Observed in the reference: "" -> "Hi" -> "Hi there"(streaming false) gives a delta, then root.updated.
        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("t", "Hi", Done: false) }, WidgetDiff.Diff(Card("", true), Card("Hi", true)));

        var last = Card("Hi there", false);
        var update = Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(Card("Hi", true), last)));
        Assert.Same(last, update.Widget);
    }

    [Theory]
    [InlineData("changed", true, "t")] // not a prefix
    [InlineData("Hi there", true, null)] // no id to address
    public void Non_append_change_or_text_without_id_replaces_the_root(string value, bool streaming, string? id)
    {
        var updates = WidgetDiff.Diff(Card("Hi", streaming, id), Card(value, streaming, id));

        Assert.IsType<WidgetRootUpdated>(Assert.Single(updates));
    }

    [Fact]
    public void Any_other_prop_or_children_count_change_replaces_the_root()
    {
        var before = WidgetJson.ToJson(new Card { Children = [new Button { Label = "Pin" }] });

        Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(before, WidgetJson.ToJson(new Card { Children = [new Button { Label = "Unpin" }] }))));
        Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(before, WidgetJson.ToJson(new Card { Children = [new Button { Label = "Pin" }, new Divider()] }))));
        Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(before, WidgetJson.ToJson(new Card { Size = "lg", Children = [new Button { Label = "Pin" }] }))));
    }

    [Fact]
    public void Identical_states_give_no_update()
    {
        Assert.Empty(WidgetDiff.Diff(Card("Hi", true), Card("Hi", true)));
    }

    [Fact]
    public async Task StreamWidget_emits_added_then_diffs_then_done_with_the_last_state()
    {
        static async IAsyncEnumerable<WidgetRoot> States()
        {
            foreach (var (value, streaming) in new[] { ("", true), ("Hi", true), ("Hi there", false) })
            {
                await Task.Yield();
                yield return new Card { Children = [new Text { Id = "t", Value = value, Streaming = streaming }] };
            }
        }

        var events = new List<ThreadStreamEvent>();
        await foreach (var e in WidgetStream.StreamWidget("msg_1", "thr_1", DateTimeOffset.UnixEpoch, States(), "copy"))
        {
            events.Add(e);
        }

        Assert.Collection(
            events,
            e => Assert.Equal("", ((WidgetItem)Assert.IsType<ThreadItemAddedEvent>(e).Item).Widget["children"]![0]!["value"]!.GetValue<string>()),
            e => Assert.Equal(new WidgetStreamingTextValueDelta("t", "Hi", false), Assert.IsType<ThreadItemUpdatedEvent>(e).Update),
            e => Assert.IsType<WidgetRootUpdated>(Assert.IsType<ThreadItemUpdatedEvent>(e).Update),
            e =>
            {
                var item = (WidgetItem)Assert.IsType<ThreadItemDoneEvent>(e).Item;
                Assert.Equal(("msg_1", "copy", "Hi there"), (item.Id, item.CopyText, item.Widget["children"]![0]!["value"]!.GetValue<string>()));
            });
    }
}
