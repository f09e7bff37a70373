using System.Globalization;
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
/// It reads the turn from the <see cref="TurnFacts"/> in the options, never from the prompt's text, so
/// rewording the prompt or the converter cannot change its answers; without facts (a plain
/// <see cref="IChatClient"/> call) the newest user message is all it knows. Tool calls and their results
/// it reads as any model does, from the function call and result contents.
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

        var facts = TurnFacts.From(options) ?? FactsOf(history);
        if (facts.Answers is { } answers)
        {
            foreach (var word in Words(AfterAnswer(answers)))
            {
                yield return await WordAsync(word, cancellationToken);
            }

            yield break;
        }

        if (ToolCallFor(facts.Message, options, history.Count) is { } call)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [call]) { MessageId = MessageId, FinishReason = ChatFinishReason.ToolCalls };
            yield break;
        }

        foreach (var word in Words(Describe(facts, options?.ModelId)))
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

    /// <summary>Without turn facts (a plain call), the newest user message is the whole turn.</summary>
    private static TurnFacts FactsOf(List<ChatMessage> history) => new()
    {
        Message = history.LastOrDefault(m => m.Role == ChatRole.User)?.Contents.OfType<TextContent>().FirstOrDefault()?.Text.Trim() ?? "",
        EarlierMessages = Math.Max(0, history.Count(m => m.Role == ChatRole.User || m.Role == ChatRole.Assistant) - 1),
    };

    private static string Describe(TurnAttachment attachment) => attachment.Form switch
    {
        TurnAttachmentForm.Image => $"You attached an image, *{attachment.Name}* ({attachment.MimeType}, {attachment.Bytes} bytes), and I can see it.",
        TurnAttachmentForm.ImageLink => $"You attached an image at {attachment.Url}.",
        TurnAttachmentForm.Text => $"You attached a text file I can read ({attachment.Lines} lines).",
        TurnAttachmentForm.File => $"You attached *{attachment.Name}* ({attachment.MimeType}, {attachment.Bytes} bytes).",
        _ => $"You attached *{attachment.Name}* ({attachment.MimeType}), but its content is not available to me.",
    };

    private static string AfterAnswer(IReadOnlyList<TurnAnswer> answers)
    {
        const string Note = " *(Demo model, reading your answer to the question.)*";
        var chosen = answers.Where(a => !a.Skipped).SelectMany(a => a.Values).ToList();
        if (chosen.Count == 0)
        {
            return "You skipped the question, so let's leave it there: ask me anything else." + Note;
        }

        var text = new StringBuilder("You chose ").Append(string.Join(" and ", chosen.Select(v => $"**{v}**"))).Append(". Good choice!");
        var skipped = answers.Where(a => a.Skipped).Select(a => $"*{a.Question}*").ToList();
        if (skipped.Count > 0)
        {
            text.Append(" You skipped ").Append(string.Join(", ", skipped)).Append('.');
        }

        return text.Append(Note).ToString();
    }

    private static string Describe(TurnFacts facts, string? model)
    {
        var text = new StringBuilder(Banner).Append("\n\n");
        if (model is not null)
        {
            text.Append("You picked the model *").Append(model).Append("*.\n\n");
        }

        text.Append("You wrote:\n\n> ").Append(Quote(facts.Message.Length > 0 ? facts.Message : "(nothing)")).Append("\n\n");
        if (facts.QuotedText is { } quoted)
        {
            text.Append("You are asking about this passage:\n\n> ").Append(Quote(quoted)).Append("\n\n");
        }

        foreach (var attachment in facts.Attachments)
        {
            text.Append(Describe(attachment)).Append("\n\n");
        }

        if (facts.Tags.Count > 0)
        {
            text.Append("You mentioned ").Append(string.Join(", ", facts.Tags.Select(t => $"**{t}**"))).Append(" (see the sources below).\n\n");
        }

        if (facts.Page is { } page)
        {
            text.Append("You are on the page *").Append(page.Title ?? page.Path ?? "an untitled page").Append('*');
            if (page.Headings.Count > 0)
            {
                text.Append(", which has ").Append(page.Headings.Count).Append(page.Headings.Count == 1 ? " heading" : " headings");
            }

            text.Append(".\n\n");
        }

        if (facts.EarlierMessages > 0)
        {
            text.Append("I can see ").Append(facts.EarlierMessages).Append(facts.EarlierMessages == 1 ? " earlier message" : " earlier messages").Append(" in this thread.\n\n");
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
            CurrentTimeTool.ToolName => $"It is {HumanTime(data)} in {data?["time_zone"]}. *(Demo model, using the date/time tool.)*",
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

    /// <summary>"**3:48 AM** on Thursday, December 3, 2026": the tool's ISO local time read as people say it.</summary>
    private static string HumanTime(JsonNode? data) =>
        DateTimeOffset.TryParse(data?["local_time"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? $"**{local.ToString("h:mm tt", CultureInfo.InvariantCulture)}** on {local.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)}"
            : $"**{data?["local_time"]}**";

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
