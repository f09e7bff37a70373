using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.ChatSearch;

namespace ChatKitApp.Tests.ChatSearch;

/// <summary>What every <see cref="IChatSearch"/> must do, over its store; subclasses supply both.</summary>
public abstract class ChatSearchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // Unique per test instance, so subclasses may share one database between tests.
    private readonly ChatKitRequestContext _alice = new($"alice_{Guid.NewGuid():N}");
    private readonly ChatKitRequestContext _bob = new($"bob_{Guid.NewGuid():N}");

    protected abstract IChatKitStore<ChatKitRequestContext> Store { get; }

    protected abstract IChatSearch Search { get; }

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Search_for_a_word_of_a_reply_finds_the_reply_with_its_thread_title_and_time()
    {
        await ThreadAsync(_alice, "thr_1", "Alpine trip");
        await UserAsync(_alice, "thr_1", "msg_1", "Where should we hike?", T0);
        await AssistantAsync(_alice, "thr_1", "msg_2", "Try the glacier trail above the village.", T0.AddSeconds(1));

        var hit = Assert.Single(await SearchAsync(_alice, "glacier"));

        Assert.Equal(new ChatSearchHit("thr_1", "Alpine trip", "msg_2", hit.Snippet, T0.AddSeconds(1)), hit);
        Assert.Contains($"{SearchSnippet.MarkStart}glacier{SearchSnippet.MarkEnd}", hit.Snippet, StringComparison.Ordinal);
        Assert.StartsWith("Try the", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_for_a_word_of_a_user_message_finds_the_message()
    {
        await ThreadAsync(_alice, "thr_1", title: null);
        await UserAsync(_alice, "thr_1", "msg_1", "Please compare Postgres and Cassandra", T0);
        await AssistantAsync(_alice, "thr_1", "msg_2", "Both are databases.", T0.AddSeconds(1));

        var hit = Assert.Single(await SearchAsync(_alice, "CASSANDRA"));

        Assert.Equal(("thr_1", "msg_1", (string?)null), (hit.ThreadId, hit.ItemId, hit.Title));
    }

    [Fact]
    public async Task Search_ranks_the_message_with_more_matches_first_even_when_older()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        await ThreadAsync(_alice, "thr_2", "Two");
        await AssistantAsync(_alice, "thr_1", "msg_many", "Volcano facts: a volcano erupts; the volcano cools.", T0);
        await AssistantAsync(_alice, "thr_2", "msg_once", "We talked about a volcano once.", T0.AddHours(1));

        var hits = await SearchAsync(_alice, "volcano");

        Assert.Equal(["msg_many", "msg_once"], hits.Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_with_equal_matches_lists_the_newest_first()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        await AssistantAsync(_alice, "thr_1", "msg_old", "A note on tulips.", T0);
        await AssistantAsync(_alice, "thr_1", "msg_new", "A note on tulips.", T0.AddMinutes(1));

        var hits = await SearchAsync(_alice, "tulips");

        Assert.Equal(["msg_new", "msg_old"], hits.Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_needs_every_word_and_honours_excluded_words()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        await UserAsync(_alice, "thr_1", "msg_both", "red apple pie", T0);
        await UserAsync(_alice, "thr_1", "msg_one", "red car", T0.AddSeconds(1));
        await UserAsync(_alice, "thr_1", "msg_excluded", "red apple juice", T0.AddSeconds(2));

        var hits = await SearchAsync(_alice, "red apple -juice");

        Assert.Equal(["msg_both"], hits.Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_never_returns_another_users_thread()
    {
        // The same thread id for both: ids are unique per user only.
        await ThreadAsync(_bob, "thr_1", "Bob's secrets");
        await UserAsync(_bob, "thr_1", "msg_bob", "my password hint is marmalade", T0);
        await ThreadAsync(_alice, "thr_1", "Alice");
        await UserAsync(_alice, "thr_1", "msg_alice", "nothing to see", T0);

        Assert.Empty(await SearchAsync(_alice, "marmalade"));
        Assert.Equal(["msg_bob"], (await SearchAsync(_bob, "marmalade")).Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_never_returns_a_deleted_thread()
    {
        await ThreadAsync(_alice, "thr_gone", "Gone");
        await UserAsync(_alice, "thr_gone", "msg_gone", "the word is pomegranate", T0);
        await ThreadAsync(_alice, "thr_kept", "Kept");
        await UserAsync(_alice, "thr_kept", "msg_kept", "pomegranate again", T0);

        await Store.DeleteThreadAsync("thr_gone", _alice, None);

        Assert.Equal(["msg_kept"], (await SearchAsync(_alice, "pomegranate")).Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_ignores_hidden_context_and_tool_items()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        await Store.AddThreadItemAsync("thr_1", new HiddenContextItem { Id = "hid_1", ThreadId = "thr_1", CreatedAt = T0, Content = "secret kumquat context" }, _alice, None);
        await Store.AddThreadItemAsync("thr_1", new ClientToolCallItem
        {
            Id = "ctc_1", ThreadId = "thr_1", CreatedAt = T0, Name = "kumquat", Arguments = new System.Text.Json.Nodes.JsonObject { ["text"] = "kumquat" }, CallId = "call_1",
        }, _alice, None);

        Assert.Empty(await SearchAsync(_alice, "kumquat"));
    }

    [Fact]
    public async Task Search_returns_at_most_limit_hits()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        for (var i = 0; i < 5; i++)
        {
            await UserAsync(_alice, "thr_1", $"msg_{i}", "another lighthouse", T0.AddSeconds(i));
        }

        var hits = await SearchAsync(_alice, "lighthouse", limit: 3);

        Assert.Equal(["msg_4", "msg_3", "msg_2"], hits.Select(h => h.ItemId));
    }

    [Fact]
    public async Task Search_removes_mark_characters_found_in_a_message_from_its_snippet()
    {
        await ThreadAsync(_alice, "thr_1", "One");
        await UserAsync(_alice, "thr_1", "msg_1", $"odd {SearchSnippet.MarkEnd}text{SearchSnippet.MarkStart} near walrus", T0);

        var hit = Assert.Single(await SearchAsync(_alice, "walrus"));

        Assert.Equal($"odd text near {SearchSnippet.MarkStart}walrus{SearchSnippet.MarkEnd}", hit.Snippet);
    }

    private Task<IReadOnlyList<ChatSearchHit>> SearchAsync(ChatKitRequestContext user, string query, int limit = 20) =>
        Search.SearchAsync(user.UserId, query, limit, None);

    private Task ThreadAsync(ChatKitRequestContext user, string id, string? title) =>
        Store.SaveThreadAsync(new ThreadMetadata { Id = id, CreatedAt = T0, Title = title }, user, None);

    private Task UserAsync(ChatKitRequestContext user, string threadId, string id, string text, DateTimeOffset at) =>
        Store.AddThreadItemAsync(threadId, new UserMessageItem { Id = id, ThreadId = threadId, CreatedAt = at, Content = [new UserMessageTextContent(text)] }, user, None);

    private Task AssistantAsync(ChatKitRequestContext user, string threadId, string id, string text, DateTimeOffset at) =>
        Store.AddThreadItemAsync(threadId, new AssistantMessageItem { Id = id, ThreadId = threadId, CreatedAt = at, Content = [new AssistantMessageContent { Text = text }] }, user, None);
}
