using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// The events that show a widget in a thread (the reference's <c>stream_widget</c>): a finished
/// widget is one <c>thread.item.done</c>; a sequence of states is <c>thread.item.added</c> with the
/// first, the <see cref="WidgetDiff"/> of each later state as <c>thread.item.updated</c>, and
/// <c>thread.item.done</c> with the last (the only event the pipeline stores).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named for the protocol's widget streaming; it is a static helper, never mistaken for a System.IO.Stream.")]
public static class WidgetStream
{
    public static ThreadItemDoneEvent StreamWidget(string itemId, string threadId, DateTimeOffset createdAt, WidgetRoot widget, string? copyText = null) =>
        new(new WidgetItem { Id = itemId, ThreadId = threadId, CreatedAt = createdAt, Widget = WidgetJson.ToJson(widget), CopyText = copyText });

    public static async IAsyncEnumerable<ThreadStreamEvent> StreamWidget(
        string itemId,
        string threadId,
        DateTimeOffset createdAt,
        IAsyncEnumerable<WidgetRoot> states,
        string? copyText = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        WidgetItem? item = null;
        await foreach (var state in states.WithCancellation(cancellationToken))
        {
            var json = WidgetJson.ToJson(state);
            if (item is null)
            {
                item = new WidgetItem { Id = itemId, ThreadId = threadId, CreatedAt = createdAt, Widget = json, CopyText = copyText };
                yield return new ThreadItemAddedEvent(item);
                continue;
            }

            foreach (var update in WidgetDiff.Diff(item.Widget, json))
            {
                yield return new ThreadItemUpdatedEvent(itemId, update);
            }

            item = item with { Widget = json };
        }

        if (item is not null)
        {
            yield return new ThreadItemDoneEvent(item);
        }
    }
}
