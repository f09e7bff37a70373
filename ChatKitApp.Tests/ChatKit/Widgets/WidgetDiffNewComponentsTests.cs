using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

/// <summary><see cref="WidgetDiff"/> and <see cref="WidgetStream"/> on the components typed with widgets.d.ts: tables, forms, transitions, Basic roots.</summary>
public sealed class WidgetDiffNewComponentsTests
{
    private static JsonObject TableCard(string cellText, bool streaming, bool header = true) => WidgetJson.ToJson(new Card
    {
        Children =
        [
            new Table
            {
                Children =
                [
                    new TableRow { Header = header, Children = [new TableCell { Children = [new Text { Value = "Name" }] }] },
                    new TableRow { Children = [new TableCell { ColSpan = 2, Children = [new Text { Id = "cell", Value = cellText, Streaming = streaming }] }] },
                ],
            },
        ],
    });

    private static JsonObject FormCard(string notes, bool streaming, bool agreed = false) => WidgetJson.ToJson(new Card
    {
        Children =
        [
            new Form
            {
                OnSubmitAction = new ActionConfig { Type = "form.submit" },
                Children =
                [
                    new Label { Value = "Notes", FieldName = "notes" },
                    new Markdown { Id = "notes", Value = notes, Streaming = streaming },
                    new Checkbox { Name = "agree", DefaultChecked = agreed },
                    new Select { Name = "size", Options = [new SelectOption { Value = "s", Label = "Small" }] },
                    new Button { Label = "Send", Submit = true },
                ],
            },
        ],
    });

    [Fact]
    public void Text_growing_in_a_table_cell_gives_a_value_delta()
    {
        var updates = WidgetDiff.Diff(TableCard("Pari", streaming: true), TableCard("Paris, France", streaming: true));

        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("cell", "s, France", Done: false) }, updates);
    }

    [Fact]
    public void Markdown_growing_in_a_form_beside_its_fields_gives_a_value_delta()
    {
        var updates = WidgetDiff.Diff(FormCard("Ship ", streaming: true), FormCard("Ship it", streaming: true));

        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("notes", "it", Done: false) }, updates);
    }

    [Fact]
    public void Text_growing_inside_a_transition_single_child_gives_a_value_delta()
    {
        static JsonObject Root(string value) => WidgetJson.ToJson(new Card
        {
            Children = [new Transition { Child = new Text { Id = "t", Value = value, Streaming = true } }],
        });

        Assert.Equal(new ThreadItemUpdate[] { new WidgetStreamingTextValueDelta("t", "lo", Done: false) }, WidgetDiff.Diff(Root("Hel"), Root("Hello")));
    }

    [Fact]
    public void A_changed_prop_of_a_new_component_replaces_the_root()
    {
        Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(TableCard("a", true), TableCard("a", true, header: false))));
        Assert.IsType<WidgetRootUpdated>(Assert.Single(WidgetDiff.Diff(FormCard("a", true), FormCard("a", true, agreed: true))));
    }

    [Fact]
    public async Task StreamWidget_streams_a_Basic_root_with_a_table_by_deltas_then_done()
    {
        static async IAsyncEnumerable<WidgetRoot> States()
        {
            foreach (var (value, streaming) in new[] { ("", true), ("4", true), ("42", false) })
            {
                await Task.Yield();
                yield return new BasicRoot
                {
                    Children = [new Table { Children = [new TableRow { Children = [new TableCell { Children = [new Text { Id = "n", Value = value, Streaming = streaming }] }] }] }],
                };
            }
        }

        var events = new List<ThreadStreamEvent>();
        await foreach (var e in WidgetStream.StreamWidget("msg_1", "thr_1", DateTimeOffset.UnixEpoch, States()))
        {
            events.Add(e);
        }

        Assert.Collection(
            events,
            e => Assert.Equal("Basic", ((WidgetItem)Assert.IsType<ThreadItemAddedEvent>(e).Item).Widget["type"]!.GetValue<string>()),
            e => Assert.Equal(new WidgetStreamingTextValueDelta("n", "4", false), Assert.IsType<ThreadItemUpdatedEvent>(e).Update),
            e => Assert.IsType<WidgetRootUpdated>(Assert.IsType<ThreadItemUpdatedEvent>(e).Update), // the streaming flag flipped
            e =>
            {
                var widget = ((WidgetItem)Assert.IsType<ThreadItemDoneEvent>(e).Item).Widget;
                Assert.Equal("42", widget["children"]![0]!["children"]![0]!["children"]![0]!["children"]![0]!["value"]!.GetValue<string>());
            });
    }
}
