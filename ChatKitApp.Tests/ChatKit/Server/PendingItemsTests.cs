using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Tests.ChatKit.Server;

public sealed class PendingItemsTests
{
    private static AssistantMessageItem Message(string id) => new() { Id = id, ThreadId = "thr_1", CreatedAt = DateTimeOffset.UnixEpoch };

    private static IReadOnlyList<string> Texts(ThreadItem item) => [.. ((AssistantMessageItem)item).Content.Select(c => c.Text)];

    [Fact]
    public void Buffered_deltas_fold_in_order_around_other_updates_of_the_same_item()
    {
        var pending = new PendingItems();
        pending.Add(Message("msg_1"));
        pending.Add(Message("msg_2"));

        pending.Apply("msg_1", new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));
        pending.Apply("msg_1", new AssistantMessageContentPartTextDelta(0, "Hello"));
        pending.Apply("msg_1", new AssistantMessageContentPartTextDelta(0, ", wor"));
        var source = new Annotation { Source = new UrlSource { Url = "https://example.com", Title = "Example" }, Index = 5 };
        pending.Apply("msg_1", new AssistantMessageContentPartAnnotationAdded(0, 0, source)); // folds the text first
        pending.Apply("msg_1", new AssistantMessageContentPartTextDelta(0, "ld"));
        pending.Apply("msg_1", new AssistantMessageContentPartTextDelta(1, "second part"));
        pending.Apply("msg_2", new AssistantMessageContentPartTextDelta(0, "other"));
        pending.Apply("msg_9", new AssistantMessageContentPartTextDelta(0, "untracked"));

        var snapshot = pending.Snapshot();

        Assert.Equal(["msg_1", "msg_2"], snapshot.Select(i => i.Id));
        Assert.Equal(["Hello, world", "second part"], Texts(snapshot[0]));
        Assert.Equal(source, Assert.Single(((AssistantMessageItem)snapshot[0]).Content[0].Annotations));
        Assert.Equal(["other"], Texts(snapshot[1]));
        Assert.Equal(snapshot.Select(i => Texts(i)), pending.Snapshot().Select(i => Texts(i))); // taking a snapshot changes nothing
    }

    [Fact]
    public void Removed_or_re_added_items_forget_their_buffered_text()
    {
        var pending = new PendingItems();
        pending.Add(Message("msg_1"));
        pending.Apply("msg_1", new AssistantMessageContentPartTextDelta(0, "stale"));

        pending.Remove("msg_1");
        pending.Add(Message("msg_1"));

        Assert.Empty(((AssistantMessageItem)Assert.Single(pending.Snapshot())).Content);
        Assert.Equal(1, pending.Count);
    }
}
