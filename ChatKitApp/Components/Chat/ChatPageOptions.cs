using ChatKitApp.Agents.Models;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Articles;
using ChatKitApp.Components.Chat.Options;

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

    /// <summary>The composer's tool menu: a chosen tool is forced for the next message.</summary>
    private static readonly IReadOnlyList<ChatKitComposerTool> Tools =
    [
        new(ArticleCardTool.ToolName, "Article card", "document", ShortLabel: "Card", PlaceholderOverride: "Which articles should the card show?"),
        new(ArticleSearchTool.ToolName, "Search articles", "search", ShortLabel: "Search"),
        new(AskQuestionTool.ToolName, "Quiz me", "circle-question", ShortLabel: "Quiz"),
    ];

    /// <summary>What the composer offers to attach; the server checks again (<c>ChatKit:Attachments</c>).</summary>
    private static readonly ChatKitAttachments Attachments = new(
        Enabled: true,
        MaxSize: 10 * 1024 * 1024,
        MaxCount: 4,
        Accept: new Dictionary<string, IReadOnlyList<string>>
        {
            ["image/png"] = [".png"],
            ["image/jpeg"] = [".jpg", ".jpeg"],
            ["image/gif"] = [".gif"],
            ["image/webp"] = [".webp"],
            ["text/plain"] = [".txt"],
            ["text/markdown"] = [".md"],
            ["text/csv"] = [".csv"],
            ["application/json"] = [".json"],
            ["application/pdf"] = [".pdf"],
        });

    public static ChatKitOptions FullPage { get; } = new()
    {
        Theme = new ChatKitTheme { ColorScheme = "light", Radius = "round", Color = new ChatKitColors { Accent = new ChatKitAccent("#2563eb") } },
        // No fixed title text: the header shows the open thread's title ("New chat" before one), as in ChatGPT.
        Header = new ChatKitHeader { Title = new ChatKitHeaderTitle() },
        History = new ChatKitHistory(),
        StartScreen = StartScreen,
        Composer = new ChatKitComposer { Placeholder = "Ask anything…", Tools = Tools, Attachments = Attachments },
        Disclaimer = new ChatKitDisclaimer("Answers can be wrong. Check important facts."),
        ThreadItemActions = new ChatKitThreadItemActions(),
        // The answer is followed while the user is at the bottom, with either element (the CDN one's default is off).
        Thread = new ChatKitThreadView(AutoScroll: true),
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

    /// <summary>
    /// Adds the model picker when the configuration offers more than the default model
    /// (<see cref="ChatModelOptions.Choices"/>); the server refuses any model not listed there.
    /// </summary>
    public static ChatKitOptions WithModels(ChatKitOptions options, ChatModelOptions model)
    {
        if (model.Choices.Count == 0)
        {
            return options;
        }

        var chosenDefault = model.Choices.Find(c => c.Id == model.Model);
        List<ChatKitComposerModel> models =
        [
            new(model.Model, chosenDefault?.Label ?? model.Model, chosenDefault?.Description, Default: true),
            .. model.Choices.Where(c => c.Id != model.Model).Select(c => new ChatKitComposerModel(c.Id, c.Label ?? c.Id, c.Description)),
        ];
        return options with { Composer = (options.Composer ?? new ChatKitComposer()) with { Models = models } };
    }

    /// <summary>
    /// Turns the composer's microphone on when the server can transcribe
    /// (<see cref="ChatModelOptions.DictationEnabled"/>); otherwise the option is left out, and both
    /// elements show no microphone.
    /// </summary>
    public static ChatKitOptions WithDictation(ChatKitOptions options, ChatModelOptions model) =>
        model.DictationEnabled
            ? options with { Composer = (options.Composer ?? new ChatKitComposer()) with { Dictation = new ChatKitDictation(Enabled: true) } }
            : options;
}
