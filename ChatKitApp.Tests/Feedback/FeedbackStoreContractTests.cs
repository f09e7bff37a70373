using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Feedback;

namespace ChatKitApp.Tests.Feedback;

/// <summary>What every <see cref="IFeedbackStore"/> must do; subclasses supply the store.</summary>
public abstract class FeedbackStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly string _alice = $"alice-{Guid.NewGuid():N}";
    private readonly string _bob = $"bob-{Guid.NewGuid():N}";

    protected abstract IFeedbackStore Store { get; }

    [Fact]
    public async Task Feedback_round_trips_and_lists_oldest_first()
    {
        var first = new FeedbackEntry(_alice, "thr_1", ["msg_1", "msg_2"], FeedbackKind.Positive, T0);
        var second = new FeedbackEntry(_alice, "thr_1", ["msg_3"], FeedbackKind.Negative, T0.AddMinutes(1));

        await Store.AddAsync(first, CancellationToken.None);
        await Store.AddAsync(second, CancellationToken.None);

        var listed = await Store.ListAsync(_alice, "thr_1", CancellationToken.None);
        Assert.Equal(2, listed.Count);
        AssertSame(first, listed[0]);
        AssertSame(second, listed[1]);
    }

    [Fact]
    public async Task Feedback_is_listed_only_for_its_user_and_thread()
    {
        await Store.AddAsync(new FeedbackEntry(_alice, "thr_1", ["msg_1"], FeedbackKind.Positive, T0), CancellationToken.None);
        await Store.AddAsync(new FeedbackEntry(_alice, "thr_2", ["msg_2"], FeedbackKind.Negative, T0), CancellationToken.None);

        Assert.Empty(await Store.ListAsync(_bob, "thr_1", CancellationToken.None));
        Assert.Equal(["msg_2"], Assert.Single(await Store.ListAsync(_alice, "thr_2", CancellationToken.None)).ItemIds);
    }

    [Fact]
    public async Task The_latest_ratings_of_all_users_list_negative_first_then_newest_first()
    {
        // Far in the future, so ratings the class's other tests stored are older.
        var later = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var oldNegative = new FeedbackEntry(_alice, "thr_1", ["msg_1"], FeedbackKind.Negative, later.AddMinutes(1));
        var positive = new FeedbackEntry(_bob, "thr_2", ["msg_2"], FeedbackKind.Positive, later.AddMinutes(2));
        var newNegative = new FeedbackEntry(_bob, "thr_3", ["msg_3"], FeedbackKind.Negative, later.AddMinutes(3));
        foreach (var entry in new[] { oldNegative, positive, newNegative })
        {
            await Store.AddAsync(entry, CancellationToken.None);
        }

        var top = await Store.ListLatestAsync(2, CancellationToken.None);
        var ours = (await Store.ListLatestAsync(1000, CancellationToken.None)).Where(e => e.UserId == _alice || e.UserId == _bob).ToList();

        Assert.Equal(2, top.Count);
        AssertSame(newNegative, top[0]);
        AssertSame(oldNegative, top[1]);
        Assert.Equal(3, ours.Count);
        AssertSame(positive, ours[2]);
    }

    private static void AssertSame(FeedbackEntry expected, FeedbackEntry actual)
    {
        Assert.Equal((expected.UserId, expected.ThreadId, expected.Kind, expected.CreatedAt), (actual.UserId, actual.ThreadId, actual.Kind, actual.CreatedAt));
        Assert.Equal(expected.ItemIds, actual.ItemIds);
    }
}
