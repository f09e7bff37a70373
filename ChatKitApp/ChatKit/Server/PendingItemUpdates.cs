using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Applies <c>thread.item.updated</c> deltas to the server's copy of a still-streaming item, so that
/// a cancelled stream can store what the user already saw. Only assistant text and workflow tasks
/// are tracked, as in the reference; other updates leave the copy unchanged.
/// </summary>
public static class PendingItemUpdates
{
    public static ThreadItem Apply(ThreadItem item, ThreadItemUpdate update) => (item, update) switch
    {
        (AssistantMessageItem message, AssistantMessageContentPartAdded added) =>
            message with { Content = SetPart(message.Content, added.ContentIndex, _ => added.Content) },
        (AssistantMessageItem message, AssistantMessageContentPartTextDelta delta) =>
            message with { Content = SetPart(message.Content, delta.ContentIndex, part => part with { Text = part.Text + delta.Delta }) },
        (AssistantMessageItem message, AssistantMessageContentPartAnnotationAdded annotation) =>
            message with { Content = SetPart(message.Content, annotation.ContentIndex, part => part with { Annotations = Insert(part.Annotations, annotation.AnnotationIndex, annotation.Annotation) }) },
        (AssistantMessageItem message, AssistantMessageContentPartDone done) =>
            message with { Content = SetPart(message.Content, done.ContentIndex, _ => done.Content) },
        (WorkflowItem workflow, WorkflowTaskAdded added) =>
            workflow with { Workflow = workflow.Workflow with { Tasks = [.. workflow.Workflow.Tasks, added.Task] } },
        (WorkflowItem workflow, WorkflowTaskUpdated updated) when updated.TaskIndex >= 0 && updated.TaskIndex < workflow.Workflow.Tasks.Count =>
            workflow with { Workflow = workflow.Workflow with { Tasks = Replace(workflow.Workflow.Tasks, updated.TaskIndex, updated.Task) } },
        _ => item,
    };

    /// <summary>Sets the part at <paramref name="index"/>, padding with empty parts as the client does.</summary>
    private static List<AssistantMessageContent> SetPart(
        IReadOnlyList<AssistantMessageContent> parts, int index, Func<AssistantMessageContent, AssistantMessageContent> change)
    {
        var list = new List<AssistantMessageContent>(parts);
        while (list.Count <= index)
        {
            list.Add(new AssistantMessageContent());
        }

        list[index] = change(list[index]);
        return list;
    }

    private static List<T> Insert<T>(IReadOnlyList<T> values, int index, T value)
    {
        var list = new List<T>(values);
        list.Insert(Math.Clamp(index, 0, list.Count), value);
        return list;
    }

    private static List<T> Replace<T>(IReadOnlyList<T> values, int index, T value) =>
        new List<T>(values) { [index] = value };
}
