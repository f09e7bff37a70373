using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

/// <summary>
/// Each component's fully populated builder (<see cref="WidgetSamples"/>) against the JSON the
/// reference server (openai-chatkit 1.6.5) writes for the same widget built with its models
/// (<c>model_dump_json(by_alias=True, exclude_none=True)</c>, as its event stream does). Compared as
/// JSON values: key order and <c>2</c> against <c>2.0</c> do not matter to the element.
/// Where the element's types (widgets.d.ts 1.9.0) have more than the reference's models, the value
/// follows the element's types: <c>Card.border</c> (the reference's Card drops it) and <c>Table</c>,
/// <c>Table.Row</c>, <c>Table.Cell</c> (untyped in the reference, passed through as given).
/// </summary>
public sealed class WidgetGoldenJsonTests
{
    private static readonly Dictionary<string, string> Reference = new()
    {
        ["Card"] = """{"key":"k","id":"card","type":"Card","asForm":true,"children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"background":{"dark":"#000","light":"#fff"},"size":"full","padding":{"x":4.0,"y":"2px"},"status":{"text":"Done","favicon":"https://example.com/f.ico","frame":true},"collapsed":false,"confirm":{"label":"OK","action":{"type":"card.ok","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false}},"cancel":{"label":"No","action":{"type":"card.no","handler":"server","loadingBehavior":"auto","streaming":true}},"theme":"dark","border":{"size":1,"color":"subtle","style":"solid"}}""",
        ["ListView"] = """{"id":"lv","type":"ListView","children":[{"id":"li","type":"ListViewItem","children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"onClickAction":{"type":"item.open","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"gap":2,"align":"start"}],"limit":"auto","status":{"text":"Found 3","icon":"search"},"theme":"light"}""",
        ["ListViewItem"] = """{"key":"k","type":"ListViewItem","children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"onClickAction":{"type":"item.open","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"gap":"4px","align":"baseline"}""",
        ["Basic"] = """{"id":"b","type":"Basic","children":[{"type":"Card","children":[]},{"type":"Text","value":"x"}],"theme":"dark","direction":"row","gap":2,"padding":"8px","align":"end","justify":"evenly"}""",
        ["Box"] = """{"children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"align":"center","justify":"between","wrap":"wrap-reverse","flex":"1 1 auto","gap":"12px","height":120.0,"width":"50%","size":3.0,"minHeight":10,"minWidth":"2rem","minSize":1,"maxHeight":400,"maxWidth":"90%","maxSize":500,"padding":{"top":2.0,"right":"4px","bottom":3.0,"left":0.0,"x":1.0,"y":2.0},"margin":{"top":1.0,"x":"8px"},"border":{"top":1,"bottom":{"size":2,"color":{"dark":"white","light":"black"},"style":"dashed"},"x":{"size":3}},"radius":"lg","background":{"dark":"gray-900","light":"gray-100"},"aspectRatio":1.5,"id":"box","type":"Box","direction":"row"}""",
        ["Row"] = """{"children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"align":"center","justify":"between","wrap":"wrap-reverse","flex":"1 1 auto","gap":"12px","height":120.0,"width":"50%","size":3.0,"minHeight":10,"minWidth":"2rem","minSize":1,"maxHeight":400,"maxWidth":"90%","maxSize":500,"padding":3.0,"margin":{"top":1.0,"x":"8px"},"border":{"size":2,"color":"strong","style":"dotted"},"radius":"lg","background":{"dark":"gray-900","light":"gray-100"},"aspectRatio":1.5,"type":"Row"}""",
        ["Col"] = """{"children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"align":"center","justify":"between","wrap":"wrap-reverse","flex":"1 1 auto","gap":"12px","height":120.0,"width":"50%","size":3.0,"minHeight":10,"minWidth":"2rem","minSize":1,"maxHeight":400,"maxWidth":"90%","maxSize":500,"padding":"1rem","margin":{"top":1.0,"x":"8px"},"border":1,"radius":"lg","background":{"dark":"gray-900","light":"gray-100"},"aspectRatio":1.5,"type":"Col"}""",
        ["Form"] = """{"children":[{"type":"Input","name":"q"},{"type":"Button","submit":true,"label":"Go"}],"align":"center","justify":"between","wrap":"wrap-reverse","flex":"1 1 auto","gap":"12px","height":120.0,"width":"50%","size":3.0,"minHeight":10,"minWidth":"2rem","minSize":1,"maxHeight":400,"maxWidth":"90%","maxSize":500,"padding":{"top":2.0,"right":"4px","bottom":3.0,"left":0.0,"x":1.0,"y":2.0},"margin":{"top":1.0,"x":"8px"},"border":{"top":1,"bottom":{"size":2,"color":{"dark":"white","light":"black"},"style":"dashed"},"x":{"size":3}},"radius":"lg","background":{"dark":"gray-900","light":"gray-100"},"aspectRatio":1.5,"type":"Form","onSubmitAction":{"type":"form.submit","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"direction":"col"}""",
        ["Spacer"] = """{"type":"Spacer","minSize":"24px"}""",
        ["Divider"] = """{"type":"Divider","color":{"dark":"gray-700","light":"gray-200"},"size":2,"spacing":"12px","flush":true}""",
        ["Transition"] = """{"type":"Transition","children":{"id":"t","type":"Text","value":"Hello","streaming":true}}""",
        ["Title"] = """{"type":"Title","value":"Head","color":"emphasis","weight":"bold","size":"3xl","textAlign":"center","truncate":true,"maxLines":2}""",
        ["Caption"] = """{"type":"Caption","value":"small","color":{"dark":"gray-400","light":"gray-600"},"weight":"medium","size":"lg","textAlign":"end","truncate":false,"maxLines":1}""",
        ["Text"] = """{"id":"t","type":"Text","value":"Hi","streaming":true,"italic":true,"lineThrough":true,"color":"secondary","weight":"semibold","width":200.0,"size":"xl","textAlign":"start","truncate":true,"minLines":2,"maxLines":4,"editable":{"name":"title","autoFocus":true,"autoSelect":true,"autoComplete":"off","allowAutofillExtensions":false,"pattern":"[a-z]+","placeholder":"Title","required":true}}""",
        ["Markdown"] = """{"id":"md","type":"Markdown","value":"**hi**","streaming":false}""",
        ["Badge"] = """{"type":"Badge","label":"New","color":"discovery","variant":"outline","size":"lg","pill":true}""",
        ["Icon"] = """{"type":"Icon","name":"star","color":{"dark":"yellow-300","light":"yellow-600"},"size":"2xl"}""",
        ["Image"] = """{"type":"Image","src":"https://example.com/a.png","alt":"A","fit":"contain","position":"top left","radius":"lg","frame":true,"flush":true,"height":120,"width":"50%","size":3,"minHeight":10,"minWidth":"2rem","minSize":1,"maxHeight":400,"maxWidth":"90%","maxSize":500,"margin":{"top":1.0,"x":"8px"},"background":{"dark":"gray-900","light":"gray-100"},"aspectRatio":1.5,"flex":"1 1 auto"}""",
        ["Button"] = """{"type":"Button","submit":true,"label":"Save","onClickAction":{"type":"save","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"iconStart":"check","iconEnd":"chevron-right","style":"secondary","iconSize":"xl","color":"caution","variant":"ghost","size":"3xs","pill":true,"uniform":false,"block":true,"disabled":false}""",
        ["Input"] = """{"type":"Input","name":"email","inputType":"email","defaultValue":"a@b.c","required":true,"pattern":".+@.+","placeholder":"Email","allowAutofillExtensions":true,"autoSelect":false,"autoFocus":true,"disabled":false,"variant":"soft","size":"lg","gutterSize":"2xs","pill":true}""",
        ["Textarea"] = """{"type":"Textarea","name":"notes","defaultValue":"n","required":false,"pattern":".*","placeholder":"Notes","autoSelect":true,"autoFocus":false,"disabled":true,"variant":"outline","size":"sm","gutterSize":"xl","rows":4,"autoResize":true,"maxRows":10,"allowAutofillExtensions":false}""",
        ["Select"] = """{"type":"Select","name":"fruit","options":[{"value":"a","label":"Apple","disabled":true,"description":"red"},{"value":"b","label":"Banana"}],"onChangeAction":{"type":"fruit.change","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"placeholder":"Pick","defaultValue":"b","variant":"outline","size":"xs","pill":false,"block":true,"clearable":true,"disabled":false,"searchable":true}""",
        ["DatePicker"] = """{"type":"DatePicker","name":"due","onChangeAction":{"type":"due.change","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"placeholder":"Due","defaultValue":"2025-03-04T00:00:00+02:00","min":"2025-01-01T00:00:00Z","max":"2025-12-31T23:59:59.500000Z","variant":"soft","size":"md","side":"top","align":"end","pill":true,"block":false,"clearable":false,"disabled":true}""",
        ["Checkbox"] = """{"type":"Checkbox","name":"agree","label":"I agree","defaultChecked":true,"onChangeAction":{"type":"agree.change","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"disabled":false,"required":true}""",
        ["RadioGroup"] = """{"type":"RadioGroup","name":"size","options":[{"label":"Small","value":"s","disabled":true},{"label":"Large","value":"l"}],"ariaLabel":"Size","onChangeAction":{"type":"size.change","payload":{"id":7},"handler":"client","loadingBehavior":"self","streaming":false},"defaultValue":"l","direction":"row","disabled":false,"required":true}""",
        ["Label"] = """{"type":"Label","value":"Email","fieldName":"email","size":"sm","weight":"normal","textAlign":"start","color":"tertiary"}""",
        ["Table"] = """{"id":"tbl","type":"Table","children":[{"type":"Table.Row","children":[{"type":"Table.Cell","children":[{"type":"Text","value":"Name"}]}],"header":true}]}""",
        ["Table.Row"] = """{"key":"r1","type":"Table.Row","children":[{"type":"Table.Cell","children":[]}],"header":false}""",
        ["Table.Cell"] = """{"type":"Table.Cell","children":[{"id":"t","type":"Text","value":"Hello","streaming":true}],"width":"30%","padding":{"x":2,"y":1},"colSpan":2,"rowSpan":3,"align":"end","vAlign":"center","colSize":"lg"}""",
    };

    public static TheoryData<string> Components => [.. Reference.Keys];

    [Theory]
    [MemberData(nameof(Components))]
    public void Fully_populated_builder_serializes_to_the_reference_json(string component)
    {
        var actual = WidgetJson.ToJson(WidgetSamples.FullyPopulated[component]);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(Reference[component]), actual),
            $"{component}\nexpected: {Reference[component]}\nactual:   {actual.ToJsonString()}");
    }

    [Fact]
    public void Every_sample_has_reference_json_and_says_its_own_type()
    {
        Assert.Equal(Reference.Keys.Order(), WidgetSamples.FullyPopulated.Keys.Order());
        Assert.All(WidgetSamples.FullyPopulated, sample => Assert.Equal(sample.Key, WidgetJson.ToJson(sample.Value)["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Editable_off_is_written_as_false()
    {
        var json = WidgetJson.ToJson(new Text { Value = "x", Editable = TextEditable.Off });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"Text","value":"x","editable":false}"""), json), json.ToJsonString());
    }

    [Fact]
    public void Numeric_list_limit_is_written_as_a_number()
    {
        var json = WidgetJson.ToJson(new ListView { Limit = 5 });

        Assert.Equal("""{"type":"ListView","children":[],"limit":5}""", json.ToJsonString());
    }
}
