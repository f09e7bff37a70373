using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Components.Chat.Options;

namespace ChatKitApp.Tests.Components.Chat.Options;

/// <summary>
/// The typed options against the element's own types: <c>@openai/chatkit</c>'s index.d.ts, read by
/// the TypeScript compiler (chatkit-types-tree.mjs). Every member of <c>ChatKitOptions</c>, at every
/// depth, must come out of <see cref="FullyPopulatedOptions"/> under the same JSON name, and nothing
/// else may; callback members must come out as the <c>true</c> the host module turns into functions.
/// </summary>
public sealed class ChatKitOptionsTypesTests
{
    /// <summary>Set by eng/test.sh, which installs both packages with npm at pinned versions: the packages' folders.</summary>
    private const string TypesVariable = "CHATKIT_NPM_TYPES";
    private const string TypeScriptVariable = "CHATKIT_TYPESCRIPT";

    /// <summary>Members the panel supplies itself rather than the page's options (see <see cref="ChatKitOptions"/>).</summary>
    private static readonly string[] PanelSupplied = ["api", "onClientTool", "widgets"];

    [Fact]
    public async Task Every_member_of_the_npm_chatkit_options_type_is_serialized_under_its_name()
    {
        var types = await ReadTypesAsync("ChatKitOptions");
        var json = JsonNode.Parse(ChatKitOptionsSerializer.ToJson(FullyPopulatedOptions.Create()))!;

        var problems = new List<string>();
        foreach (var member in PanelSupplied)
        {
            if (types["ChatKitOptions"]![member] is null)
            {
                problems.Add($"{member}: the panel supplies it, but the npm types have no such member");
            }
        }

        Compare(types["ChatKitOptions"]!.AsObject(), [json], "", PanelSupplied, problems);

        Assert.True(problems.Count == 0, "The typed options differ from @openai/chatkit's ChatKitOptions:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Callback_values_serialize_as_the_npm_types_entity_command_and_selection()
    {
        var types = await ReadTypesAsync("Entity", "Command", "CommandSelection");
        var entity = new ChatKitEntity("Q2 plan", "doc_1", "document", true, "Documents", new Dictionary<string, string> { ["path"] = "/q2" });
        var command = new ChatKitCommand("summarize", "Summarize", "Summarize the thread", "sparkle", "Writing");
        var context = ChatKitOptionsJsonContext.Default;

        var problems = new List<string>();
        Compare(types["Entity"]!.AsObject(), [Node(JsonSerializer.Serialize(entity, context.ChatKitEntity))], "Entity.", [], problems);
        Compare(types["Command"]!.AsObject(), [Node(JsonSerializer.Serialize(command, context.ChatKitCommand))], "Command.", [], problems);
        Compare(
            types["CommandSelection"]!.AsObject(),
            [Node(JsonSerializer.Serialize(ChatKitCommandSelection.InsertEntity(entity), context.ChatKitCommandSelection)),
             Node(JsonSerializer.Serialize(ChatKitCommandSelection.Menu([command]), context.ChatKitCommandSelection))],
            "CommandSelection.",
            [],
            problems);

        Assert.True(problems.Count == 0, "The callback values differ from @openai/chatkit's types:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_callback_paths_wired_are_exactly_the_npm_types_callback_members_the_page_owns()
    {
        var types = await ReadTypesAsync("ChatKitOptions");

        var callbacks = CallbackPaths(types["ChatKitOptions"]!.AsObject(), "").Where(p => !PanelSupplied.Contains(p.Split('.')[0]));

        Assert.Equal(callbacks.Order(StringComparer.Ordinal), ChatKitOptionCallbacks.Paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Required_members_of_the_npm_types_are_serialized_when_only_what_csharp_requires_is_given()
    {
        var types = await ReadTypesAsync("ChatKitOptions");
        // Each option object with only its constructor's required arguments: what C# lets a page leave out.
        var minimal = new ChatKitOptions
        {
            Theme = new ChatKitTheme
            {
                Typography = new ChatKitTypography { FontSources = [new ChatKitFontSource("Inter", "/inter.woff2")] },
                Color = new ChatKitColors { Grayscale = new ChatKitGrayscale(220, 1), Accent = new ChatKitAccent("#000"), Surface = new ChatKitSurface("#fff", "#000") },
            },
            Header = new ChatKitHeader { Title = new ChatKitHeaderTitle(), LeftAction = new("home", default), RightAction = new("close", default) },
            History = new ChatKitHistory(),
            StartScreen = new ChatKitStartScreen { Prompts = [new ChatKitPrompt("Tag", ChatKitPromptMessage.FromParts(ChatKitContentPart.InputTag("doc_1", "Doc"), ChatKitContentPart.InputText("hi")))] },
            ThreadItemActions = new ChatKitThreadItemActions(),
            Composer = new ChatKitComposer
            {
                Attachments = new ChatKitAttachments(true),
                Tools = [new ChatKitComposerTool("search", "Search", "search")],
                Models = [new ChatKitComposerModel("fast", "Fast")],
                Dictation = new ChatKitDictation(false),
            },
            Disclaimer = new ChatKitDisclaimer("Careful"),
            Entities = new ChatKitEntities(),
            Commands = new ChatKitCommands(),
            Thread = new ChatKitThreadView(),
        };
        var json = JsonNode.Parse(ChatKitOptionsSerializer.ToJson(minimal))!;

        var problems = new List<string>();
        CompareRequired(types["ChatKitOptions"]!.AsObject(), [json], "", PanelSupplied, problems);

        Assert.True(problems.Count == 0, "Members @openai/chatkit requires are left out:\n" + string.Join("\n", problems));
    }

    /// <summary>Every object at one place in the type tree must carry each member the types do not mark optional.</summary>
    private static void CompareRequired(JsonObject members, IReadOnlyList<JsonNode> values, string path, IReadOnlyCollection<string> skip, List<string> problems)
    {
        var objects = values.SelectMany(Flatten).OfType<JsonObject>().ToList();
        foreach (var (name, member) in members.Where(m => !skip.Contains(m.Key)))
        {
            if (!member!["optional"]!.GetValue<bool>() && objects.Any(o => !o.ContainsKey(name)))
            {
                problems.Add($"{path}{name}: required, but left out");
            }

            var found = objects.Where(o => o.ContainsKey(name)).Select(o => o[name]!).ToList();
            if (member["members"] is JsonObject nested && found.Count > 0)
            {
                CompareRequired(nested, found, $"{path}{name}.", [], problems);
            }
        }
    }

    private static JsonNode Node(string json) => JsonNode.Parse(json)!;

    /// <summary>
    /// Checks the JSON values found at one place in the type tree (several for arrays and for the
    /// samples of a union) against that place's members: each member named by some value, each name a member.
    /// </summary>
    private static void Compare(JsonObject members, IReadOnlyList<JsonNode> values, string path, IReadOnlyCollection<string> skip, List<string> problems)
    {
        var objects = values.SelectMany(Flatten).OfType<JsonObject>().ToList();
        if (objects.Count == 0)
        {
            problems.Add($"{path.TrimEnd('.')}: no object value to compare (members {string.Join(", ", members.Select(m => m.Key))})");
            return;
        }

        foreach (var name in objects.SelectMany(o => o.Select(p => p.Key)).Distinct().Where(n => !members.ContainsKey(n)))
        {
            problems.Add($"{path}{name}: serialized, but not a member in the npm types");
        }

        foreach (var (name, member) in members)
        {
            if (skip.Contains(name))
            {
                continue;
            }

            var found = objects.Where(o => o.ContainsKey(name)).Select(o => o[name]!).ToList();
            if (found.Count == 0)
            {
                problems.Add($"{path}{name}: missing from the serialized options");
            }
            else if (member!["callback"]!.GetValue<bool>())
            {
                if (found.Any(v => v.GetValueKind() != JsonValueKind.True))
                {
                    problems.Add($"{path}{name}: a callback, but not serialized as true");
                }
            }
            else if (member["members"] is JsonObject nested)
            {
                Compare(nested, found, $"{path}{name}.", [], problems);
            }
        }
    }

    /// <summary>An array stands for its items (the type tree does the same); a string form of a union adds no members.</summary>
    private static IEnumerable<JsonNode> Flatten(JsonNode node) =>
        node is JsonArray array ? array.Where(i => i is not null).SelectMany(i => Flatten(i!)) : [node];

    private static IEnumerable<string> CallbackPaths(JsonObject members, string path) =>
        members.SelectMany(m => m.Value!["callback"]!.GetValue<bool>()
            ? [path + m.Key]
            : m.Value["members"] is JsonObject nested ? CallbackPaths(nested, $"{path}{m.Key}.") : []);

    /// <summary>Runs chatkit-types-tree.mjs on the installed package: { TypeName: { member: {optional, callback, members?} } }.</summary>
    private static async Task<JsonObject> ReadTypesAsync(params string[] typeNames)
    {
        var package = Environment.GetEnvironmentVariable(TypesVariable);
        var typesFile = string.IsNullOrEmpty(package) ? null : Path.Combine(package, "types", "index.d.ts");
        var typeScript = Environment.GetEnvironmentVariable(TypeScriptVariable);
        Assert.True(
            typesFile is not null && File.Exists(typesFile),
            $"{TypesVariable} must name the folder of the npm package @openai/chatkit (with types/index.d.ts); eng/test.sh installs it with npm.");
        Assert.True(
            !string.IsNullOrEmpty(typeScript) && File.Exists(Path.Combine(typeScript, "package.json")),
            $"{TypeScriptVariable} must name the typescript package's folder; eng/test.sh installs it with npm.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Components", "Chat", "Options", "chatkit-types-tree.mjs"));
        start.ArgumentList.Add(typeScript);
        start.ArgumentList.Add(typesFile);
        foreach (var name in typeNames)
        {
            start.ArgumentList.Add(name);
        }

        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"chatkit-types-tree.mjs failed: {await error}");
        return JsonNode.Parse(await output)!.AsObject();
    }
}
