using ChatKitApp.Components.Chat.Options;

namespace ChatKitApp.Tests.Components.Chat.Options;

public sealed class ChatKitOptionsSerializerTests
{
    [Fact]
    public void Options_serialize_to_the_element_shape_camel_case_without_nulls()
    {
        var options = new ChatKitOptions
        {
            Locale = "de-DE",
            Theme = new ChatKitTheme { ColorScheme = "dark", Radius = "pill", Color = new ChatKitColors { Accent = new ChatKitAccent("#ff0000", 2) } },
            InitialThread = "thr_1",
            Header = new ChatKitHeader { Title = new ChatKitHeaderTitle(Text: "Help") },
            History = new ChatKitHistory(ShowDelete: false),
            StartScreen = new ChatKitStartScreen { Greeting = "Hi", Prompts = [new ChatKitPrompt("Label", "Prompt text", "bolt")] },
            Composer = new ChatKitComposer
            {
                Placeholder = "Type",
                Attachments = new ChatKitAttachments(true, MaxSize: 1024, MaxCount: 2),
                Tools = [new ChatKitComposerTool("search", "Search", ShortLabel: "S")],
                Models = [new ChatKitComposerModel("fast", "Fast", Default: true)],
            },
            Disclaimer = new ChatKitDisclaimer("Be careful", HighContrast: true),
            ThreadItemActions = new ChatKitThreadItemActions(Retry: false),
        };

        var json = ChatKitOptionsSerializer.ToJson(options);

        Assert.Equal(
            "{\"locale\":\"de-DE\",\"theme\":{\"colorScheme\":\"dark\",\"radius\":\"pill\",\"color\":{\"accent\":{\"primary\":\"#ff0000\",\"level\":2}}}," +
            "\"initialThread\":\"thr_1\",\"header\":{\"enabled\":true,\"title\":{\"enabled\":true,\"text\":\"Help\"}}," +
            "\"history\":{\"enabled\":true,\"showDelete\":false,\"showRename\":true}," +
            "\"startScreen\":{\"greeting\":\"Hi\",\"prompts\":[{\"label\":\"Label\",\"prompt\":\"Prompt text\",\"icon\":\"bolt\"}]}," +
            "\"composer\":{\"placeholder\":\"Type\",\"attachments\":{\"enabled\":true,\"maxSize\":1024,\"maxCount\":2}," +
            "\"tools\":[{\"id\":\"search\",\"label\":\"Search\",\"shortLabel\":\"S\"}],\"models\":[{\"id\":\"fast\",\"label\":\"Fast\",\"default\":true}]}," +
            "\"disclaimer\":{\"text\":\"Be careful\",\"highContrast\":true},\"threadItemActions\":{\"feedback\":true,\"retry\":false}}",
            json);
    }

    [Fact]
    public void Empty_options_serialize_to_an_empty_object()
    {
        Assert.Equal("{}", ChatKitOptionsSerializer.ToJson(new ChatKitOptions()));
    }
}
