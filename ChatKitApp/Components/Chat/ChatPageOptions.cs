namespace ChatKitApp.Components.Chat;

/// <summary>The chat's options on this site's pages.</summary>
public static class ChatPageOptions
{
    private static readonly ChatKitStartScreen StartScreen = new()
    {
        Greeting = "What can I help you with?",
        Prompts =
        [
            new ChatKitPrompt("What is ChatKit?", "What is ChatKit and how does this app use it?", "book-open"),
            new ChatKitPrompt("How does streaming work?", "How does streaming with server-sent events work here?", "bolt"),
            new ChatKitPrompt("What time is it?", "What time is it?", "clock"),
            new ChatKitPrompt("Switch to dark theme", "theme dark", "sparkle"),
        ],
    };

    public static ChatKitOptions FullPage { get; } = new()
    {
        Theme = new ChatKitTheme { ColorScheme = "light", Radius = "round", Color = new ChatKitColors { Accent = new ChatKitAccent("#2563eb") } },
        Header = new ChatKitHeader { Title = new ChatKitHeaderTitle(Text: "Assistant") },
        History = new ChatKitHistory(),
        StartScreen = StartScreen,
        Composer = new ChatKitComposer { Placeholder = "Ask anything…" },
        Disclaimer = new ChatKitDisclaimer("Answers can be wrong. Check important facts."),
        ThreadItemActions = new ChatKitThreadItemActions(),
    };

    public static ChatKitOptions SidePanel { get; } = FullPage with
    {
        Header = new ChatKitHeader { Title = new ChatKitHeaderTitle(Text: "Ask about this page") },
        StartScreen = new ChatKitStartScreen
        {
            Greeting = "Select text in the article and press Ask, or ask anything.",
            Prompts = [new ChatKitPrompt("Summarize this page", "Summarize the page I am reading.", "document")],
        },
        Disclaimer = null,
    };
}
