using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Widgets;

namespace ChatKitApp.Tests.ChatKit.Widgets;

/// <summary>
/// One widget per component type, keyed by its JSON <c>type</c>, with every prop set and each union
/// prop in a different one of its shapes across the samples (the golden JSON is the reference's dump
/// of the same widgets, see <see cref="WidgetGoldenJsonTests"/>).
/// </summary>
internal static class WidgetSamples
{
    private static Text StreamingText => new() { Id = "t", Value = "Hello", Streaming = true };

    private static ActionConfig Action(string type) =>
        new() { Type = type, Payload = new JsonObject { ["id"] = 7 }, Handler = "client", LoadingBehavior = "self", Streaming = false };

    private static Spacing AllSides => new() { Top = 2, Right = "4px", Bottom = 3, Left = 0, X = 1, Y = 2 };

    private static Borders MixedBorders => new()
    {
        Top = 1,
        Bottom = new Border { Size = 2, Color = new ThemeColor(Dark: "white", Light: "black"), Style = "dashed" },
        X = new Border { Size = 3 },
    };

    // The block props of the reference's samples, set on a container or an image.
    private static T WithBlock<T>(T block)
        where T : BlockComponent => block with
        {
            Height = 120,
            Width = "50%",
            Size = 3,
            MinHeight = 10,
            MinWidth = "2rem",
            MinSize = 1,
            MaxHeight = 400,
            MaxWidth = "90%",
            MaxSize = 500,
            AspectRatio = 1.5,
            Radius = "lg",
            Margin = new Spacing { Top = 1, X = "8px" },
            Background = new ThemeColor(Dark: "gray-900", Light: "gray-100"),
            Flex = "1 1 auto",
        };

    private static T WithFlex<T>(T container)
        where T : FlexContainer => WithBlock(container) with
        {
            Align = "center",
            Justify = "between",
            Wrap = "wrap-reverse",
            Gap = "12px",
            Padding = AllSides,
            Border = MixedBorders,
        };

    public static IReadOnlyDictionary<string, WidgetComponent> FullyPopulated { get; } = new Dictionary<string, WidgetComponent>
    {
        ["Card"] = new Card
        {
            Key = "k",
            Id = "card",
            AsForm = true,
            Children = [StreamingText],
            Background = new ThemeColor(Dark: "#000", Light: "#fff"),
            Border = new Border { Size = 1, Color = "subtle", Style = "solid" },
            Size = "full",
            Padding = new Spacing { X = 4, Y = "2px" },
            Status = new WidgetStatus { Text = "Done", Favicon = "https://example.com/f.ico", Frame = true },
            Collapsed = false,
            Confirm = new CardAction("OK", Action("card.ok")),
            // The reference always writes an action's defaults; here they are given explicitly.
            Cancel = new CardAction("No", new ActionConfig { Type = "card.no", Handler = "server", LoadingBehavior = "auto", Streaming = true }),
            Theme = "dark",
        },
        ["ListView"] = new ListView
        {
            Id = "lv",
            Children = [new ListViewItem { Id = "li", Children = [StreamingText], OnClickAction = Action("item.open"), Gap = 2, Align = "start" }],
            Limit = ListViewLimit.Auto,
            Status = new WidgetStatus { Text = "Found 3", Icon = "search" },
            Theme = "light",
        },
        ["ListViewItem"] = new ListViewItem { Key = "k", Children = [StreamingText], OnClickAction = Action("item.open"), Gap = "4px", Align = "baseline" },
        ["Basic"] = new BasicRoot
        {
            Id = "b",
            Children = [new Card(), new Text { Value = "x" }],
            Theme = "dark",
            Direction = "row",
            Gap = 2,
            Padding = "8px",
            Align = "end",
            Justify = "evenly",
        },
        ["Box"] = WithFlex(new Box { Id = "box", Children = [StreamingText], Direction = "row" }),
        ["Row"] = WithFlex(new Row { Children = [StreamingText] }) with { Padding = 3, Border = new Border { Size = 2, Color = "strong", Style = "dotted" } },
        ["Col"] = WithFlex(new Col { Children = [StreamingText] }) with { Padding = "1rem", Border = 1 },
        ["Form"] = WithFlex(new Form
        {
            Children = [new Input { Name = "q" }, new Button { Label = "Go", Submit = true }],
            OnSubmitAction = Action("form.submit"),
            Direction = "col",
        }),
        ["Spacer"] = new Spacer { MinSize = "24px" },
        ["Divider"] = new Divider { Color = new ThemeColor(Dark: "gray-700", Light: "gray-200"), Size = 2, Spacing = "12px", Flush = true },
        ["Transition"] = new Transition { Child = StreamingText },
        ["Title"] = new Title { Value = "Head", Color = "emphasis", Weight = "bold", Size = "3xl", TextAlign = "center", Truncate = true, MaxLines = 2 },
        ["Caption"] = new Caption
        {
            Value = "small",
            Color = new ThemeColor(Dark: "gray-400", Light: "gray-600"),
            Weight = "medium",
            Size = "lg",
            TextAlign = "end",
            Truncate = false,
            MaxLines = 1,
        },
        ["Text"] = new Text
        {
            Id = "t",
            Value = "Hi",
            Streaming = true,
            Italic = true,
            LineThrough = true,
            Color = "secondary",
            Weight = "semibold",
            Width = 200,
            Size = "xl",
            TextAlign = "start",
            Truncate = true,
            MinLines = 2,
            MaxLines = 4,
            Editable = new EditableProps
            {
                Name = "title",
                AutoFocus = true,
                AutoSelect = true,
                AutoComplete = "off",
                AllowAutofillExtensions = false,
                Pattern = "[a-z]+",
                Placeholder = "Title",
                Required = true,
            },
        },
        ["Markdown"] = new Markdown { Id = "md", Value = "**hi**", Streaming = false },
        ["Badge"] = new Badge { Label = "New", Color = "discovery", Variant = "outline", Size = "lg", Pill = true },
        ["Icon"] = new Icon { Name = "star", Color = new ThemeColor(Dark: "yellow-300", Light: "yellow-600"), Size = "2xl" },
        ["Image"] = WithBlock(new Image { Src = "https://example.com/a.png", Alt = "A", Fit = "contain", Position = "top left", Frame = true, Flush = true }),
        ["Button"] = new Button
        {
            Submit = true,
            Label = "Save",
            OnClickAction = Action("save"),
            IconStart = "check",
            IconEnd = "chevron-right",
            Style = "secondary",
            IconSize = "xl",
            Color = "caution",
            Variant = "ghost",
            Size = "3xs",
            Pill = true,
            Uniform = false,
            Block = true,
            Disabled = false,
        },
        ["Input"] = new Input
        {
            Name = "email",
            InputType = "email",
            DefaultValue = "a@b.c",
            Required = true,
            Pattern = ".+@.+",
            Placeholder = "Email",
            AllowAutofillExtensions = true,
            AutoSelect = false,
            AutoFocus = true,
            Disabled = false,
            Variant = "soft",
            Size = "lg",
            GutterSize = "2xs",
            Pill = true,
        },
        ["Textarea"] = new Textarea
        {
            Name = "notes",
            DefaultValue = "n",
            Required = false,
            Pattern = ".*",
            Placeholder = "Notes",
            AutoSelect = true,
            AutoFocus = false,
            Disabled = true,
            Variant = "outline",
            Size = "sm",
            GutterSize = "xl",
            Rows = 4,
            AutoResize = true,
            MaxRows = 10,
            AllowAutofillExtensions = false,
        },
        ["Select"] = new Select
        {
            Name = "fruit",
            Options = [new SelectOption { Value = "a", Label = "Apple", Disabled = true, Description = "red" }, new SelectOption { Value = "b", Label = "Banana" }],
            OnChangeAction = Action("fruit.change"),
            Placeholder = "Pick",
            DefaultValue = "b",
            Variant = "outline",
            Size = "xs",
            Pill = false,
            Block = true,
            Clearable = true,
            Disabled = false,
            Searchable = true,
        },
        ["DatePicker"] = new DatePicker
        {
            Name = "due",
            OnChangeAction = Action("due.change"),
            Placeholder = "Due",
            DefaultValue = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.FromHours(2)),
            Min = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Max = new DateTimeOffset(2025, 12, 31, 23, 59, 59, 500, TimeSpan.Zero),
            Variant = "soft",
            Size = "md",
            Side = "top",
            Align = "end",
            Pill = true,
            Block = false,
            Clearable = false,
            Disabled = true,
        },
        ["Checkbox"] = new Checkbox { Name = "agree", Label = "I agree", DefaultChecked = true, OnChangeAction = Action("agree.change"), Disabled = false, Required = true },
        ["RadioGroup"] = new RadioGroup
        {
            Name = "size",
            Options = [new RadioOption { Label = "Small", Value = "s", Disabled = true }, new RadioOption { Label = "Large", Value = "l" }],
            AriaLabel = "Size",
            OnChangeAction = Action("size.change"),
            DefaultValue = "l",
            Direction = "row",
            Disabled = false,
            Required = true,
        },
        ["Label"] = new Label { Value = "Email", FieldName = "email", Size = "sm", Weight = "normal", TextAlign = "start", Color = "tertiary" },
        ["Table"] = new Table
        {
            Id = "tbl",
            Children = [new TableRow { Header = true, Children = [new TableCell { Children = [new Text { Value = "Name" }] }] }],
        },
        ["Table.Row"] = new TableRow { Key = "r1", Header = false, Children = [new TableCell()] },
        ["Table.Cell"] = new TableCell
        {
            Children = [StreamingText],
            Width = "30%",
            Padding = new Spacing { X = 2, Y = 1 },
            ColSpan = 2,
            RowSpan = 3,
            Align = "end",
            VAlign = "center",
            ColSize = "lg",
        },
    };
}
