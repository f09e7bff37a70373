using ChatKitApp.Limits;

namespace ChatKitApp.Tests.Limits;

/// <summary>
/// What every shared limits store must do, each "instance" being a store with its own connection to
/// the same server: one count per window whoever counts, and open-stream caps that hold across
/// instances, free a closed slot at once and drop a crashed instance's slots once they expire.
/// </summary>
public abstract class SharedLimitStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A store as another app instance would have it: its own connection to the shared server.</summary>
    protected abstract Task<ISharedLimitStore> NewInstanceAsync();

    [Fact]
    public async Task Requests_counted_concurrently_by_three_instances_add_up_to_one_count_per_window()
    {
        var instances = await InstancesAsync(3);
        var key = "requests:" + Guid.NewGuid();
        var window = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;

        var counts = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            instances[i % 3].CountRequestAsync(key, window, TimeSpan.FromMinutes(1), CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), counts.Order());
        Assert.Equal(1, await instances[1].CountRequestAsync(key, window + 1, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(1, await instances[2].CountRequestAsync("requests:" + Guid.NewGuid(), window + 1, TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Instances_racing_for_a_users_streams_get_exactly_the_cap()
    {
        var instances = await InstancesAsync(3);
        var user = "user:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            instances[i % 3].TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 3, null, 0), now, now + Lease, CancellationToken.None).AsTask()));

        Assert.Equal(3, answers.Count(a => a == StreamCap.None));
        Assert.Equal(9, answers.Count(a => a == StreamCap.User));
    }

    [Fact]
    public async Task A_closed_slot_is_free_at_once_on_another_instance()
    {
        var instances = await InstancesAsync(2);
        var user = "user:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var first = Slot(user, 1);

        Assert.Equal(StreamCap.None, await instances[0].TryOpenStreamAsync(first, now, now + Lease, CancellationToken.None));
        Assert.Equal(StreamCap.User, await instances[1].TryOpenStreamAsync(Slot(user, 1), now, now + Lease, CancellationToken.None));
        await instances[0].CloseStreamAsync(first, CancellationToken.None);

        Assert.Equal(StreamCap.None, await instances[1].TryOpenStreamAsync(Slot(user, 1), now, now + Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Slots_of_an_instance_that_stopped_renewing_stop_counting_once_they_expire()
    {
        var instances = await InstancesAsync(2);
        var user = "user:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StreamCap.None, await instances[0].TryOpenStreamAsync(Slot(user, 3), now, now + Lease, CancellationToken.None));
        }

        // Instance 0 "crashes": nobody closes or renews its slots.
        Assert.Equal(StreamCap.User, await instances[1].TryOpenStreamAsync(Slot(user, 3), now + Lease - TimeSpan.FromSeconds(1), now + (2 * Lease), CancellationToken.None));
        var later = now + Lease + TimeSpan.FromSeconds(1);
        Assert.Equal(StreamCap.None, await instances[1].TryOpenStreamAsync(Slot(user, 3), later, later + Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_renewed_slot_still_counts_after_its_first_expiry()
    {
        var instances = await InstancesAsync(2);
        var user = "user:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var slot = Slot(user, 1);
        Assert.Equal(StreamCap.None, await instances[0].TryOpenStreamAsync(slot, now, now + Lease, CancellationToken.None));

        await instances[0].HeartbeatAsync([slot], now + (Lease / 2), now + (Lease / 2) + Lease, CancellationToken.None);

        var later = now + Lease + TimeSpan.FromSeconds(1);
        Assert.Equal(StreamCap.User, await instances[1].TryOpenStreamAsync(Slot(user, 1), later, later + Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_refused_by_the_address_cap_takes_no_slot_of_the_user()
    {
        var instances = await InstancesAsync(2);
        var user = "user:" + Guid.NewGuid();
        var address = "address:" + Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(StreamCap.None, await instances[0].TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 2, address, 1), now, now + Lease, CancellationToken.None));
        Assert.Equal(StreamCap.Address, await instances[1].TryOpenStreamAsync(new SharedStreamSlot(Guid.NewGuid(), user, 2, address, 1), now, now + Lease, CancellationToken.None));

        // The refused stream left the user one free slot, which a stream from elsewhere takes.
        Assert.Equal(StreamCap.None, await instances[1].TryOpenStreamAsync(Slot(user, 2), now, now + Lease, CancellationToken.None));
        Assert.Equal(StreamCap.User, await instances[0].TryOpenStreamAsync(Slot(user, 2), now, now + Lease, CancellationToken.None));
    }

    private static SharedStreamSlot Slot(string user, int max) => new(Guid.NewGuid(), user, max, null, 0);

    private async Task<ISharedLimitStore[]> InstancesAsync(int count)
    {
        var instances = new ISharedLimitStore[count];
        for (var i = 0; i < count; i++)
        {
            instances[i] = await NewInstanceAsync();
        }

        return instances;
    }
}
