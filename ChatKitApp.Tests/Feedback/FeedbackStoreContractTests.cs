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

    private static void AssertSame(FeedbackEntry expected, FeedbackEntry actual)
    {
        Assert.Equal((expected.UserId, expected.ThreadId, expected.Kind, expected.CreatedAt), (actual.UserId, actual.ThreadId, actual.Kind, actual.CreatedAt));
        Assert.Equal(expected.ItemIds, actual.ItemIds);
    }
}
