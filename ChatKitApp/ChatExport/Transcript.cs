using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatExport;

/// <summary>
/// Thread items as readable entries, for the Markdown export and the shared page alike: messages
/// with their quotes, attachments and sources, and tool calls, workflows, tasks, widgets, images and
/// questions written out as text. Markers with nothing to read (end of turn) are left out.
/// </summary>
public static class Transcript
{
    public static IReadOnlyList<TranscriptEntry> Entries(IEnumerable<ThreadItem> items) =>
        [.. items.Select(Entry).OfType<TranscriptEntry>()];

    /// <summary>A UTC time as both transcripts write it, <c>2026-12-03 15:31 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static TranscriptEntry? Entry(ThreadItem item) => item switch
    {
        UserMessageItem m => new TranscriptEntry(TranscriptRole.User, "User", m.CreatedAt, string.Concat(m.Content.Select(UserText)))
        {
            QuotedText = string.IsNullOrWhiteSpace(m.QuotedText) ? null : m.QuotedText,
            Attachments = [.. m.Attachments.Select(a => a.Name)],
        },
        AssistantMessageItem m => new TranscriptEntry(TranscriptRole.Assistant, "Assistant", m.CreatedAt, string.Join("\n\n", m.Content.Select(c => c.Text)))
        {
            Sources = [.. m.Content.SelectMany(c => c.Annotations).Select(a => SourceOf(a.Source)).Distinct()],
        },
        ClientToolCallItem c => Step(c, $"Tool call: {c.Name}", ToolCallText(c)),
        WorkflowItem w => Step(w, WorkflowLabel(w.Workflow), string.Join("\n", w.Workflow.Tasks.Select(TaskText))) with
        {
            Sources = [.. w.Workflow.Tasks.SelectMany(TaskSources).Distinct()],
        },
        TaskItem t => Step(t, "Task", TaskText(t.Task)) with { Sources = [.. TaskSources(t.Task).Distinct()] },
        WidgetItem w => Step(w, "Widget", w.CopyText ?? "(an interactive widget)"),
        GeneratedImageItem g => Step(g, "Generated image", g.Image?.Url ?? "(not finished)"),
        StructuredInputItem s => Step(s, "Questions", string.Join("\n", s.Inputs.Select(QuestionText))),
        _ => null, // end_of_turn and hidden context: nothing to read
    };

    private static TranscriptEntry Step(ThreadItem item, string label, string text) => new(TranscriptRole.Step, label, item.CreatedAt, text);

    private static string UserText(UserMessageContent content) => content switch
    {
        UserMessageTextContent t => t.Text,
        UserMessageTagContent t => "@" + t.Text,
        _ => "",
    };

    private static string ToolCallText(ClientToolCallItem call)
    {
        var text = new StringBuilder().Append("Arguments: ").Append(Json(call.Arguments));
        text.Append('\n').Append(call.Status == ClientToolCallStatus.Completed ? "Result: " + Json(call.Output) : "Result: (pending)");
        return text.ToString();
    }

    private static string Json(System.Text.Json.Nodes.JsonNode? node) =>
        node is null ? "null" : node.ToJsonString(new JsonSerializerOptions { Encoder = ChatKitJson.Wire.Encoder });

    private static string WorkflowLabel(Workflow workflow) => workflow.Summary switch
    {
        { Title: { Length: > 0 } title } => $"Workflow: {title}",
        { Duration: { } seconds } => $"Workflow ({seconds.ToString(CultureInfo.InvariantCulture)} s)",
        _ => "Workflow",
    };

    private static string TaskText(WorkflowTask task)
    {
        var (title, body) = task switch
        {
            CustomTask t => (t.Title, t.Content),
            SearchTask t => (t.Title ?? t.TitleQuery ?? "Web search", t.Queries.Count > 0 ? "Searched: " + string.Join(", ", t.Queries) : null),
            ThoughtTask t => (t.Title ?? "Thought", t.Content),
            FileTask t => (t.Title ?? "Files", null),
            ImageTask t => (t.Title ?? "Image", null),
            _ => (task.Title, null),
        };
        return "- " + string.Join(": ", new[] { title, body }.Where(s => !string.IsNullOrWhiteSpace(s)).DefaultIfEmpty("Step"));
    }

    private static IEnumerable<TranscriptSource> TaskSources(WorkflowTask task) => task switch
    {
        SearchTask t => t.Sources.Select(SourceOf),
        FileTask t => t.Sources.Select(SourceOf),
        _ => [],
    };

    private static string QuestionText(StructuredInput input) => input.Answer switch
    {
        null => $"- {input.Question} (not answered)",
        { Skipped: true } => $"- {input.Question} (skipped)",
        { } answer => $"- {input.Question} {string.Join(", ", answer.Values)}",
    };

    private static TranscriptSource SourceOf(Source source) => source switch
    {
        UrlSource u => new TranscriptSource(source.Title, u.Url, null),
        FileSource f => new TranscriptSource(source.Title, null, f.Filename),
        EntitySource e => new TranscriptSource(source.Title, null, e.Label ?? e.Description),
        _ => new TranscriptSource(source.Title, null, source.Description),
    };
}
