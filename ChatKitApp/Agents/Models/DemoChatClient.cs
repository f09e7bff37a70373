using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.Articles;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// The model used when none is configured: deterministic, offline, and honest about being a demo.
/// It streams, word by word, a Markdown answer describing what it received (the message, the quoted
/// text, the page) and shows the tool paths: "theme dark" calls the <c>set_theme</c> client tool,
/// "time" the date/time server tool, "search …" or "articles" the article search, "widget" or "card"
/// the article card, "question" or "quiz" a multiple-choice question, "toast" a notification. A tool
/// forced from the composer's menu is always called; a model chosen in the picker is named in the answer.
/// Like some real providers it gives every reply the same message id, which the app must not trust.
/// </summary>
public sealed partial class DemoChatClient(TimeProvider timeProvider, TimeSpan wordDelay) : IChatClient
{
    public const string MessageId = "__demo__";
    public const string Banner = "**Demo model** (no model is configured, so this answer is generated locally).";

    /// <summary>
    /// Which words call which tool when nothing is forced. The first row that matches and whose tool is
    /// offered wins, so "show a widget about articles" is a card, not a search.
    /// </summary>
    private static readonly (Regex Request, string Tool)[] KeywordTools =
    [
        (WidgetRequest(), ArticleCardTool.ToolName),
        (QuestionRequest(), AskQuestionTool.ToolName),
        (ToastRequest(), ToastTool.ToolName),
        (ThemeRequest(), ClientToolRegistry.SetTheme),
        (TimeRequest(), CurrentTimeTool.ToolName),
        (SearchRequest(), ArticleSearchTool.ToolName),
    ];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        if (history.Count > 0 && history[^1].Role == ChatRole.Tool)
        {
            foreach (var word in Words(AfterTool(history)))
            {
                yield return await WordAsync(word, cancellationToken);
            }

            yield break;
        }

        var (message, quoted, tags) = LastUserMessageWithTags(history);
        if (message.StartsWith(ThreadItemConverter.StructuredInputIntro, StringComparison.Ordinal))
        {
            foreach (var word in Words(AfterAnswer(message)))
            {
                yield return await WordAsync(word, cancellationToken);
            }

            yield break;
        }

        if (ToolCallFor(message, options, history.Count) is { } call)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [call]) { MessageId = MessageId, FinishReason = ChatFinishReason.ToolCalls };
            yield break;
        }

        foreach (var word in Words(Describe(history, message, quoted, tags, options?.ModelId)))
        {
            yield return await WordAsync(word, cancellationToken);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private async Task<ChatResponseUpdate> WordAsync(string word, CancellationToken cancellationToken)
    {
        if (wordDelay > TimeSpan.Zero)
        {
            await Task.Delay(wordDelay, timeProvider, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ChatResponseUpdate(ChatRole.Assistant, word) { MessageId = MessageId };
    }

    private static FunctionCallContent? ToolCallFor(string message, ChatOptions? options, int historyCount)
    {
        bool Offered(string name) => options?.Tools?.Any(t => t.Name == name) == true;
        var callId = $"call_demo_{historyCount}";
        if (options?.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } forced } && Offered(forced))
        {
            return new FunctionCallContent(callId, forced, ArgumentsFor(forced, message));
        }

        foreach (var (request, tool) in KeywordTools)
        {
            if (request.IsMatch(message) && Offered(tool))
            {
                return new FunctionCallContent(callId, tool, ArgumentsFor(tool, message));
            }
        }

        return null;
    }

    /// <summary>Fixed arguments per tool, so a forced or keyword call always works offline.</summary>
    private static Dictionary<string, object?> ArgumentsFor(string tool, string message) => tool switch
    {
        AskQuestionTool.ToolName => new()
        {
            ["question"] = "Which topic would you like to explore?",
            ["options"] = new[] { "Streaming", "Storage", "Widgets" },
        },
        ToastTool.ToolName => new() { ["message"] = "Hello from the demo model!", ["kind"] = "success" },
        ClientToolRegistry.SetTheme => new() { ["theme"] = ThemeRequest().Match(message) is { Success: true } m ? m.Groups["theme"].Value.ToLowerInvariant() : "dark" },
        CurrentTimeTool.ToolName or ClientToolRegistry.GetPageContext => [],
        ArticleCardTool.ToolName => new() { ["query"] = CardQuery(message) },
        _ => new() { ["query"] = message },
    };

    /// <summary>"show a widget about storage" asks for a card about "storage": the trigger words go.</summary>
    private static string CardQuery(string message)
    {
        var query = CardWords().Replace(message, " ").Trim();
        return query.Length == 0 ? message : string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>What the newest user message carried besides its text, as the converter sent it.</summary>
    private static IEnumerable<string> AttachmentsOf(List<ChatMessage> history)
    {
        var last = history.LastOrDefault(m => m.Role == ChatRole.User && m.Contents.Count > 1);
        if (last is null || !ReferenceEquals(last, history.LastOrDefault(m => m.Role == ChatRole.User && !IsConverterNote(m.Text))))
        {
            yield break;
        }

        foreach (var content in last.Contents.Skip(1))
        {
            yield return content switch
            {
                DataContent data when data.HasTopLevelMediaType("image") => $"You attached an image, *{data.Name}* ({data.MediaType}, {data.Data.Length} bytes), and I can see it.",
                DataContent data => $"You attached *{data.Name}* ({data.MediaType}, {data.Data.Length} bytes).",
                UriContent uri => $"You attached an image at {uri.Uri}.",
                TextContent file when file.Text.StartsWith("<attachment name=\"", StringComparison.Ordinal) =>
                    $"You attached a text file I can read ({file.Text.Split('\n').Length - 2} lines).",
                TextContent note => note.Text,
                _ => "You attached something I cannot read.",
            };
        }
    }

    private static bool IsConverterNote(string text) =>
        text.StartsWith(ThreadItemConverter.QuotedTextIntro, StringComparison.Ordinal)
        || text.StartsWith(ThreadItemConverter.TagsIntro, StringComparison.Ordinal)
        || text.StartsWith(ThreadItemConverter.HiddenContextStart, StringComparison.Ordinal);

    private static string AfterAnswer(string structuredInput)
    {
        // "- <question>: <answer>" lines, as the converter writes them.
        var answers = structuredInput.Split('\n')
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .ToList();
        var answer = answers.Count == 0 ? "nothing" : string.Join("; ", answers);
        return $"You chose **{answer}**. Good choice! *(Demo model, reading your answer to the question.)*";
    }

    private static string Describe(List<ChatMessage> history, string message, string? quoted, List<string> tags, string? model)
    {
        var text = new StringBuilder(Banner).Append("\n\n");
        if (model is not null)
        {
            text.Append("You picked the model *").Append(model).Append("*.\n\n");
        }

        text.Append("You wrote:\n\n> ").Append(Quote(message.Length > 0 ? message : "(nothing)")).Append("\n\n");
        if (quoted is not null)
        {
            text.Append("You are asking about this passage:\n\n> ").Append(Quote(quoted)).Append("\n\n");
        }

        foreach (var attachment in AttachmentsOf(history))
        {
            text.Append(attachment).Append("\n\n");
        }

        if (tags.Count > 0)
        {
            text.Append("You mentioned ").Append(string.Join(", ", tags.Select(t => $"**{t}**"))).Append(" (see the sources below).\n\n");
        }

        if (PageOf(history) is { } page)
        {
            var title = page["title"]?.GetValue<string>() ?? page["path"]?.GetValue<string>() ?? "an untitled page";
            text.Append("You are on the page *").Append(title).Append('*');
            if (page["headings"] is JsonArray { Count: > 0 } headings)
            {
                text.Append(", which has ").Append(headings.Count).Append(headings.Count == 1 ? " heading" : " headings");
            }

            text.Append(".\n\n");
        }

        var earlier = history.Count(m => m.Role == ChatRole.User || m.Role == ChatRole.Assistant) - 1;
        if (earlier > 0)
        {
            text.Append("I can see ").Append(earlier).Append(" earlier messages in this thread.\n\n");
        }

        text.Append("Try *theme dark*, *what time is it?*, *search articles about streaming*, *show a widget about streaming*, *quiz me* or *toast*.");
        return text.ToString();
    }

    private static string AfterTool(List<ChatMessage> history)
    {
        var result = history[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault();
        var call = history.SelectMany(m => m.Contents).OfType<FunctionCallContent>().LastOrDefault(c => c.CallId == result?.CallId);
        var data = ToNode(result?.Result);
        return call?.Name switch
        {
            CurrentTimeTool.ToolName => $"It is **{data?["local_time"]}** in {data?["time_zone"]} ({data?["day_of_week"]}). *(Demo model, using the date/time tool.)*",
            ClientToolRegistry.SetTheme => $"Done: the page now uses the **{call.Arguments?["theme"]}** theme. *(Demo model, using the set_theme client tool.)*",
            ClientToolRegistry.GetPageContext => $"Your browser says you are on **{data?["title"]}**. *(Demo model.)*",
            ArticleSearchTool.ToolName when data?["results"] is JsonArray { Count: > 0 } results =>
                "I found these articles:\n\n" + string.Join('\n', results.Select(r => $"- [{r?["title"]}]({r?["url"]}): {r?["summary"]}")) + "\n\n*(Demo model, using the article search.)*",
            ArticleSearchTool.ToolName => "No article matches that. *(Demo model, using the article search.)*",
            ArticleCardTool.ToolName => "Here is a card with the matching articles; pin the ones you like. *(Demo model, using the article card tool.)*",
            ToastTool.ToolName => "I sent you a notification. *(Demo model, using the toast tool.)*",
            _ => "The tool answered. *(Demo model.)*",
        };
    }

    /// <summary>The newest real user message, its quoted text, and the names of the entities it tagged.</summary>
    private static (string Message, string? Quoted, List<string> Tags) LastUserMessageWithTags(List<ChatMessage> history)
    {
        string? quoted = null;
        var tags = new List<string>();
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role != ChatRole.User)
            {
                continue;
            }

            // The first part is what the user typed; attachments follow it as further parts.
            var text = history[i].Contents.OfType<TextContent>().FirstOrDefault()?.Text ?? "";
            if (text.StartsWith(ThreadItemConverter.QuotedTextIntro, StringComparison.Ordinal))
            {
                quoted ??= text[ThreadItemConverter.QuotedTextIntro.Length..];
            }
            else if (text.StartsWith(ThreadItemConverter.TagsIntro, StringComparison.Ordinal))
            {
                // "- @<name> (id: …": the converter's line per tag.
                if (tags.Count == 0)
                {
                    tags.AddRange(text.Split('\n')
                        .Where(line => line.StartsWith("- @", StringComparison.Ordinal) && line.Contains(" (id: ", StringComparison.Ordinal))
                        .Select(line => line[3..line.IndexOf(" (id: ", StringComparison.Ordinal)]));
                }
            }
            else if (!text.StartsWith(ThreadItemConverter.HiddenContextStart, StringComparison.Ordinal))
            {
                return (text.Trim(), quoted, tags);
            }
        }

        return ("", quoted, tags);
    }

    private static JsonObject? PageOf(List<ChatMessage> history)
    {
        var system = history.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var start = system.IndexOf(SystemPromptBuilder.PageContextStart, StringComparison.Ordinal);
        var end = system.IndexOf(SystemPromptBuilder.PageContextEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        start += SystemPromptBuilder.PageContextStart.Length;
        try
        {
            return JsonNode.Parse(system[start..end]) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        string s => TryParse(s),
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
    };

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Quote(string text) => text.Replace("\n", "\n> ", StringComparison.Ordinal);

    private static IEnumerable<string> Words(string text) => WordChunks.Split(text, wordsPerChunk: 1);

    [GeneratedRegex(@"\btheme\b.*\b(?<theme>dark|light)\b|\b(?<theme>dark|light)\s+(theme|mode)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThemeRequest();

    [GeneratedRegex(@"\b(widgets?|cards?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WidgetRequest();

    [GeneratedRegex(@"\b(show|me|give|list|a|an|the|widgets?|cards?|about|of|on|for|with|articles?|please)\b|[^\w\s-]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CardWords();

    [GeneratedRegex(@"\b(question|quiz)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionRequest();

    [GeneratedRegex(@"\btoast\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToastRequest();

    [GeneratedRegex(@"\b(time|date|today)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeRequest();

    [GeneratedRegex(@"^\s*search\b|\barticles?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchRequest();
}
