using System.Text.Json;
using ChatKitApp.Components.Chat.Options;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.Tests.Components.Chat.Options;

/// <summary>Options with every member set, each union in each of its forms somewhere (a prompt as text and as parts).</summary>
internal static class FullyPopulatedOptions
{
    public static ChatKitOptions Create() => new()
    {
        Locale = "de-DE",
        Theme = new ChatKitTheme
        {
            ColorScheme = "dark",
            Typography = new ChatKitTypography
            {
                BaseSize = 16,
                FontSources = [new ChatKitFontSource("Inter", "/fonts/inter.woff2", "400", "normal", "swap", "U+0000-00FF")],
                FontFamily = "Inter, sans-serif",
                FontFamilyMono = "JetBrains Mono, monospace",
            },
            Radius = "round",
            Density = "compact",
            Color = new ChatKitColors
            {
                Grayscale = new ChatKitGrayscale(220, 6, -1),
                Accent = new ChatKitAccent("#2563eb", 2),
                Surface = new ChatKitSurface("#ffffff", "#111111"),
            },
        },
        FrameTitle = "Help chat",
        InitialThread = "thr_1",
        Header = new ChatKitHeader
        {
            Enabled = true,
            Title = new ChatKitHeaderTitle(true, "Help"),
            LeftAction = new ChatKitHeaderAction("sidebar-left", EventCallback.Empty),
            RightAction = new ChatKitHeaderAction("close", EventCallback.Empty),
        },
        History = new ChatKitHistory(true, false, true),
        StartScreen = new ChatKitStartScreen
        {
            Greeting = "Hi",
            Prompts =
            [
                new ChatKitPrompt("Plain", "Prompt text", "bolt"),
                new ChatKitPrompt("Tagged", ChatKitPromptMessage.FromParts(
                    ChatKitContentPart.InputText("Tell me about "),
                    ChatKitContentPart.InputTag("doc_1", "Q2 plan", "Documents", new Dictionary<string, JsonElement> { ["path"] = JsonSerializer.SerializeToElement("/q2") }, true))),
            ],
        },
        ThreadItemActions = new ChatKitThreadItemActions(true, false),
        Composer = new ChatKitComposer
        {
            Placeholder = "Type",
            Attachments = new ChatKitAttachments(true, ChatKitAttachmentMaxSize.PerMimeType(new Dictionary<string, long> { ["image/*"] = 1024, ["*"] = 2048 }), 2,
                new Dictionary<string, IReadOnlyList<string>> { ["image/png"] = [".png"] }),
            Tools = [new ChatKitComposerTool("search", "Search", "search", "S", "Search for", true, true)],
            Models = [new ChatKitComposerModel("fast", "Fast", "Quick answers", true, false)],
            Dictation = new ChatKitDictation(true),
        },
        Disclaimer = new ChatKitDisclaimer("Be careful", HighContrast: true),
        Entities = new ChatKitEntities
        {
            ShowComposerMenu = true,
            OnTagSearch = _ => Task.FromResult<IReadOnlyList<ChatKitEntity>>([]),
            OnClick = EventCallback<ChatKitEntity>.Empty,
            OnRequestPreview = _ => Task.FromResult<JsonElement?>(null),
        },
        Commands = new ChatKitCommands
        {
            Enabled = true,
            OnSearch = _ => Task.FromResult<IReadOnlyList<ChatKitCommand>>([]),
            OnSelect = _ => Task.FromResult<ChatKitCommandSelection?>(null),
        },
        Thread = new ChatKitThreadView(AutoScroll: true),
    };

    /// <summary>
    /// The exact JSON of <see cref="Create"/>, what the host module gets before it wires callbacks
    /// (System.Text.Json escapes <c>+</c>; JSON.parse reads it back the same).
    /// </summary>
    public const string Json =
        """
        {"locale":"de-DE",
        "theme":{"colorScheme":"dark","typography":{"baseSize":16,"fontSources":[{"family":"Inter","src":"/fonts/inter.woff2","weight":"400","style":"normal","display":"swap","unicodeRange":"U\u002B0000-00FF"}],"fontFamily":"Inter, sans-serif","fontFamilyMono":"JetBrains Mono, monospace"},
        "radius":"round","density":"compact","color":{"grayscale":{"hue":220,"tint":6,"shade":-1},"accent":{"primary":"#2563eb","level":2},"surface":{"background":"#ffffff","foreground":"#111111"}}},
        "frameTitle":"Help chat","initialThread":"thr_1",
        "header":{"enabled":true,"title":{"enabled":true,"text":"Help"},"leftAction":{"icon":"sidebar-left","onClick":true},"rightAction":{"icon":"close","onClick":true}},
        "history":{"enabled":true,"showDelete":false,"showRename":true},
        "startScreen":{"greeting":"Hi","prompts":[{"label":"Plain","prompt":"Prompt text","icon":"bolt"},
        {"label":"Tagged","prompt":[{"type":"input_text","text":"Tell me about "},{"type":"input_tag","text":"Q2 plan","id":"doc_1","group":"Documents","data":{"path":"/q2"},"interactive":true}]}]},
        "threadItemActions":{"feedback":true,"retry":false},
        "composer":{"placeholder":"Type","attachments":{"enabled":true,"maxSize":{"image/*":1024,"*":2048},"maxCount":2,"accept":{"image/png":[".png"]}},
        "tools":[{"id":"search","label":"Search","icon":"search","shortLabel":"S","placeholderOverride":"Search for","pinned":true,"persistent":true}],
        "models":[{"id":"fast","label":"Fast","description":"Quick answers","default":true,"disabled":false}],"dictation":{"enabled":true}},
        "disclaimer":{"text":"Be careful","highContrast":true},
        "entities":{"showComposerMenu":true,"onTagSearch":true,"onClick":true,"onRequestPreview":true},
        "commands":{"enabled":true,"onSearch":true,"onSelect":true},
        "thread":{"autoScroll":true}}
        """;
}
