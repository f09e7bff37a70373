using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

public sealed class WidgetJsonTests
{
    [Fact]
    public void Typed_widget_serializes_type_first_camelCase_props_and_drops_nulls_recursively()
    {
        var card = new Card
        {
            Size = "md",
            Children =
            [
                new Title { Value = "Hi" },
                new Row
                {
                    Gap = 2,
                    Children =
                    [
                        new Button { Label = "Go", IconStart = "star", OnClickAction = new ActionConfig { Type = "a.b", Payload = new JsonObject { ["k"] = 1 }, Streaming = false } },
                        new ListView { Limit = 1, Children = [new ListViewItem { Children = [new Text { Id = "t", Value = "x", Streaming = true }] }] },
                    ],
                },
            ],
        };

        var json = WidgetJson.ToJson(card).ToJsonString();

        Assert.Equal(
            """{"type":"Card","children":[{"type":"Title","value":"Hi"},{"type":"Row","children":[{"type":"Button","label":"Go","onClickAction":{"type":"a.b","payload":{"k":1},"streaming":false},"iconStart":"star"},{"type":"ListView","children":[{"type":"ListViewItem","children":[{"type":"Text","id":"t","value":"x","streaming":true}]}],"limit":1}],"gap":2}],"size":"md"}""",
            json);
    }
}
