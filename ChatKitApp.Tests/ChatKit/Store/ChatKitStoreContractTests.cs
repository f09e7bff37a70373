using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.ChatKit.Store;

/// <summary>
/// What every <see cref="IChatKitStore{TContext}"/> must do (docs/PROTOCOL.md, "The store contract"):
/// the reference's store tests, plus stable ordering of equal timestamps, per-user isolation for
/// every method, atomic updates, the thread lease, concurrency and restart survival. Subclasses
/// supply the store.
/// </summary>
public abstract class ChatKitStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly ChatKitRequestContext _alice = NewUser("alice");
    private readonly ChatKitRequestContext _bob = NewUser("bob");

    /// <summary>The store under test (fresh per test, or shared with users no other test uses).</summary>
    protected abstract IChatKitStore<ChatKitRequestContext> Store { get; }

    /// <summary>Another store instance over the same data, as the app has after a restart.</summary>
    protected abstract IChatKitStore<ChatKitRequestContext> Reopen();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Thread_round_trips_title_status_domains_and_metadata()
    {
        var thread = Thread("thr_1") with
        {
            Title = "Trip planning",
            Status = new LockedStatus("read only"),
            AllowedImageDomains = ["images.example.com"],
            Metadata = new JsonObject { ["previous_response_id"] = "resp_1", ["turns"] = 3, ["nested"] = new JsonObject { ["ok"] = true } },
        };

        await Store.SaveThreadAsync(thread, _alice, None);

        JsonAssert.EqualIgnoringKeyOrder(thread, await Store.LoadThreadAsync("thr_1", _alice, None));
    }

    [Fact]
    public async Task Thread_with_null_title_round_trips_as_null()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        Assert.Null((await Store.LoadThreadAsync("thr_1", _alice, None)).Title);
    }

    [Fact]
    public async Task Saving_a_thread_again_updates_it_and_keeps_its_place()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2", "thr_3");

        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Renamed", Status = new ClosedStatus("done") }, _alice, None);

        var loaded = await Store.LoadThreadAsync("thr_1", _alice, None);
        Assert.Equal("Renamed", loaded.Title);
        Assert.Equal(new ClosedStatus("done"), loaded.Status);
        Assert.Equal(["thr_1", "thr_2", "thr_3"], Ids(await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _alice, None)));
    }

    [Fact]
    public async Task Saving_a_thread_keeps_its_items()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);

        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Titled" }, _alice, None);

        Assert.Equal(["msg_1"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)));
    }

    [Fact]
    public async Task Every_item_type_round_trips_through_add_and_load()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        var items = EveryItemType("thr_1");
        foreach (var item in items)
        {
            await Store.AddThreadItemAsync("thr_1", item, _alice, None);
        }

        var page = await Store.LoadThreadItemsAsync("thr_1", null, 100, SortOrder.Asc, _alice, None);

        Assert.Equal(items.Select(i => i.Id), Ids(page));
        Assert.All(items.Zip(page.Data), pair => JsonAssert.EqualIgnoringKeyOrder(pair.First, pair.Second));
        foreach (var item in items)
        {
            JsonAssert.EqualIgnoringKeyOrder(item, await Store.LoadItemAsync("thr_1", item.Id, _alice, None));
        }
    }

    [Fact]
    public async Task File_attachment_round_trips_with_upload_descriptor_and_metadata()
    {
        var file = new FileAttachment
        {
            Id = "atc_file",
            Name = "notes.pdf",
            MimeType = "application/pdf",
            UploadDescriptor = new UploadDescriptor { Url = "https://upload.example.com/x", Method = "PUT", Headers = new Dictionary<string, string> { ["x-token"] = "t" } },
            Metadata = new JsonObject { ["storage_key"] = "bucket/notes.pdf", ["bytes"] = 1234 },
        };

        await Store.SaveAttachmentAsync(file, _alice, None);

        JsonAssert.EqualIgnoringKeyOrder<Attachment>(file, await Store.LoadAttachmentAsync("atc_file", _alice, None));
    }

    [Fact]
    public async Task Image_attachment_round_trips_with_preview_url_and_metadata()
    {
        var image = Image("atc_image", threadId: null);

        await Store.SaveAttachmentAsync(image, _alice, None);

        var loaded = Assert.IsType<ImageAttachment>(await Store.LoadAttachmentAsync("atc_image", _alice, None));
        Assert.Equal("https://cdn.example.com/preview.png", loaded.PreviewUrl);
        JsonAssert.EqualIgnoringKeyOrder<Attachment>(image, loaded);
    }

    [Fact]
    public async Task Saving_an_attachment_again_replaces_it()
    {
        await Store.SaveAttachmentAsync(Image("atc_1", threadId: null), _alice, None);
        var updated = Image("atc_1", threadId: "thr_1") with { Name = "renamed.png", UploadDescriptor = null };

        await Store.SaveAttachmentAsync(updated, _alice, None);

        JsonAssert.EqualIgnoringKeyOrder<Attachment>(updated, await Store.LoadAttachmentAsync("atc_1", _alice, None));
    }

    [Fact]
    public async Task Load_threads_pages_with_the_last_thread_id_as_cursor()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2", "thr_3");

        var first = await Store.LoadThreadsAsync(2, null, SortOrder.Asc, _alice, None);
        var second = await Store.LoadThreadsAsync(2, first.After, SortOrder.Asc, _alice, None);

        Assert.Equal(["thr_1", "thr_2"], Ids(first));
        Assert.True(first.HasMore);
        Assert.Equal("thr_2", first.After);
        Assert.Equal(["thr_3"], Ids(second));
        Assert.False(second.HasMore);
        Assert.Null(second.After);
    }

    [Theory]
    [InlineData(SortOrder.Asc, 1)]
    [InlineData(SortOrder.Asc, 3)]
    [InlineData(SortOrder.Desc, 2)]
    [InlineData(SortOrder.Desc, 4)]
    public async Task Load_threads_with_equal_timestamps_never_repeats_or_loses_threads(SortOrder order, int pageSize)
    {
        // Saved out of time order, with ties: the order is created_at, then saving order.
        string[] saved = ["thr_b1", "thr_a", "thr_b2", "thr_c", "thr_b3", "thr_b4", "thr_b5"];
        DateTimeOffset[] times = [T0.AddSeconds(1), T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(1), T0.AddSeconds(1), T0.AddSeconds(1)];
        for (var i = 0; i < saved.Length; i++)
        {
            await Store.SaveThreadAsync(Thread(saved[i], times[i]), _alice, None);
        }

        var listed = await PageThroughAsync((after, ct) => Store.LoadThreadsAsync(pageSize, after, order, _alice, ct), pageSize);

        string[] ascending = ["thr_a", "thr_b1", "thr_b2", "thr_b3", "thr_b4", "thr_b5", "thr_c"];
        Assert.Equal(order == SortOrder.Asc ? ascending : Enumerable.Reverse(ascending), listed);
    }

    [Fact]
    public async Task Thread_items_are_ordered_by_created_at_in_both_orders()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_late", T0.AddMinutes(1)), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_early", T0), _alice, None);

        Assert.Equal(["msg_early", "msg_late"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)));
        Assert.Equal(["msg_late", "msg_early"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Desc, _alice, None)));
    }

    [Fact]
    public async Task Thread_items_after_a_cursor_start_past_it_and_say_whether_more_exist()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        for (var i = 0; i < 5; i++)
        {
            await Store.AddThreadItemAsync("thr_1", Message("thr_1", $"msg{i}", T0.AddSeconds(i)), _alice, None);
        }

        var rest = await Store.LoadThreadItemsAsync("thr_1", "msg1", 3, SortOrder.Asc, _alice, None);
        var head = await Store.LoadThreadItemsAsync("thr_1", null, 2, SortOrder.Asc, _alice, None);
        var backwards = await Store.LoadThreadItemsAsync("thr_1", "msg3", 2, SortOrder.Desc, _alice, None);
        var exact = await Store.LoadThreadItemsAsync("thr_1", null, 5, SortOrder.Asc, _alice, None);

        Assert.Equal(("msg2,msg3,msg4", false, (string?)null), Summary(rest));
        Assert.Equal(("msg0,msg1", true, "msg1"), Summary(head));
        Assert.Equal(("msg2,msg1", true, "msg1"), Summary(backwards));
        Assert.Equal(("msg0,msg1,msg2,msg3,msg4", false, (string?)null), Summary(exact));
    }

    [Theory]
    [InlineData(SortOrder.Asc, 1)]
    [InlineData(SortOrder.Asc, 3)]
    [InlineData(SortOrder.Desc, 1)]
    [InlineData(SortOrder.Desc, 4)]
    public async Task Load_thread_items_with_equal_timestamps_never_repeats_or_loses_items(SortOrder order, int pageSize)
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        var expected = new List<string> { "msg_first" };
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_first", T0), _alice, None);
        for (var i = 0; i < 10; i++)
        {
            // Ids that sort against insertion order, so an id tie-break would show.
            var id = $"msg_{9 - i}";
            await Store.AddThreadItemAsync("thr_1", Message("thr_1", id, T0.AddSeconds(1)), _alice, None);
            expected.Add(id);
        }

        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_last", T0.AddSeconds(2)), _alice, None);
        expected.Add("msg_last");

        var listed = await PageThroughAsync((after, ct) => Store.LoadThreadItemsAsync("thr_1", after, pageSize, order, _alice, ct), pageSize);

        Assert.Equal(order == SortOrder.Asc ? expected : Enumerable.Reverse(expected), listed);
    }

    [Theory]
    [InlineData(SortOrder.Asc)]
    [InlineData(SortOrder.Desc)]
    public async Task Unknown_cursor_throws_not_found(SortOrder order)
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadItemsAsync("thr_1", "msg_unknown", 10, order, _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadsAsync(10, "thr_unknown", order, _alice, None));
    }

    [Fact]
    public async Task Items_of_an_unknown_thread_are_an_empty_page()
    {
        var page = await Store.LoadThreadItemsAsync("thr_unknown", null, 10, SortOrder.Asc, _alice, None);
        var afterCursor = await Store.LoadThreadItemsAsync("thr_unknown", "msg_1", 10, SortOrder.Desc, _alice, None);

        Assert.Equal(("", false, (string?)null), Summary(page));
        Assert.Equal(("", false, (string?)null), Summary(afterCursor));
    }

    [Fact]
    public async Task Save_item_replaces_an_existing_item()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Assistant("thr_1", "msg_1", "draft"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Widget("thr_1", "msg_2", "Before"), _alice, None);

        await Store.SaveItemAsync("thr_1", Assistant("thr_1", "msg_1", "final answer"), _alice, None);
        await Store.SaveItemAsync("thr_1", Widget("thr_1", "msg_2", "After"), _alice, None);

        JsonAssert.EqualIgnoringKeyOrder<ThreadItem>(Assistant("thr_1", "msg_1", "final answer"), await Store.LoadItemAsync("thr_1", "msg_1", _alice, None));
        JsonAssert.EqualIgnoringKeyOrder<ThreadItem>(Widget("thr_1", "msg_2", "After"), await Store.LoadItemAsync("thr_1", "msg_2", _alice, None));
        Assert.Equal(["msg_1", "msg_2"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)));
    }

    [Fact]
    public async Task Save_item_of_a_new_id_adds_it()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Store.SaveItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);

        Assert.Equal(["msg_1"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)));
    }

    [Fact]
    public async Task Adding_an_item_id_twice_replaces_it_and_keeps_its_place()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Assistant("thr_1", "msg_1", "first"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_2", T0.AddSeconds(1)), _alice, None);

        await Store.AddThreadItemAsync("thr_1", Assistant("thr_1", "msg_1", "second"), _alice, None);

        var page = await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None);
        Assert.Equal(["msg_1", "msg_2"], Ids(page));
        Assert.Equal("second", Assert.IsType<AssistantMessageItem>(page.Data[0]).Content[0].Text);
    }

    [Fact]
    public async Task Adding_or_saving_an_item_in_an_unknown_thread_throws_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Store.AddThreadItemAsync("thr_unknown", Message("thr_unknown", "msg_1", T0), _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.SaveItemAsync("thr_unknown", Message("thr_unknown", "msg_1", T0), _alice, None));
    }

    [Fact]
    public async Task Loading_what_does_not_exist_throws_not_found()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadAsync("thr_unknown", _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadItemAsync("thr_1", "msg_unknown", _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadItemAsync("thr_unknown", "msg_unknown", _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadAttachmentAsync("atc_unknown", _alice, None));
    }

    [Fact]
    public async Task Delete_thread_removes_its_items_and_attachments_and_nothing_else()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2");
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);
        await Store.AddThreadItemAsync("thr_2", Message("thr_2", "msg_2", T0), _alice, None);
        await Store.SaveAttachmentAsync(Image("atc_1", "thr_1"), _alice, None);
        await Store.SaveAttachmentAsync(Image("atc_2", "thr_2"), _alice, None);
        await Store.SaveAttachmentAsync(Image("atc_unsent", threadId: null), _alice, None);

        await Store.DeleteThreadAsync("thr_1", _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadAsync("thr_1", _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadItemAsync("thr_1", "msg_1", _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadAttachmentAsync("atc_1", _alice, None));
        Assert.Equal(["thr_2"], Ids(await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _alice, None)));
        Assert.Equal(["msg_2"], Ids(await Store.LoadThreadItemsAsync("thr_2", null, 10, SortOrder.Asc, _alice, None)));
        await Store.LoadAttachmentAsync("atc_2", _alice, None);
        await Store.LoadAttachmentAsync("atc_unsent", _alice, None);

        // A new thread with the old id starts empty: the items are gone, not hidden.
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        Assert.Empty((await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)).Data);
    }

    [Fact]
    public async Task Delete_thread_item_removes_only_that_item()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_2", T0), _alice, None);

        await Store.DeleteThreadItemAsync("thr_1", "msg_1", _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadItemAsync("thr_1", "msg_1", _alice, None));
        Assert.Equal(["msg_2"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)));
    }

    [Fact]
    public async Task Delete_attachment_removes_it()
    {
        await Store.SaveAttachmentAsync(Image("atc_1", threadId: null), _alice, None);

        await Store.DeleteAttachmentAsync("atc_1", _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadAttachmentAsync("atc_1", _alice, None));
    }

    [Fact]
    public async Task Deleting_what_does_not_exist_is_a_no_op()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Store.DeleteThreadAsync("thr_unknown", _alice, None);
        await Store.DeleteThreadItemAsync("thr_unknown", "msg_unknown", _alice, None);
        await Store.DeleteThreadItemAsync("thr_1", "msg_unknown", _alice, None);
        await Store.DeleteAttachmentAsync("atc_unknown", _alice, None);

        await Store.LoadThreadAsync("thr_1", _alice, None);
    }

    [Fact]
    public async Task Another_user_cannot_read_a_thread_its_items_or_attachments()
    {
        await SeedAliceAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadAsync("thr_1", _bob, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadItemAsync("thr_1", "msg_1", _bob, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadAttachmentAsync("atc_1", _bob, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadsAsync(10, "thr_1", SortOrder.Asc, _bob, None));
        Assert.Empty((await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _bob, None)).Data);
        foreach (var order in new[] { SortOrder.Asc, SortOrder.Desc })
        {
            Assert.Empty((await Store.LoadThreadItemsAsync("thr_1", null, 10, order, _bob, None)).Data);
            Assert.Empty((await Store.LoadThreadItemsAsync("thr_1", "msg_1", 10, order, _bob, None)).Data);
        }
    }

    [Fact]
    public async Task Another_user_cannot_change_or_delete_a_thread_its_items_or_attachments()
    {
        await SeedAliceAsync();
        var before = await SnapshotAliceAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Store.AddThreadItemAsync("thr_1", Assistant("thr_1", "msg_1", "bob was here"), _bob, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.SaveItemAsync("thr_1", Assistant("thr_1", "msg_2", "bob was here"), _bob, None));
        await Store.DeleteThreadItemAsync("thr_1", "msg_1", _bob, None);
        await Store.DeleteAttachmentAsync("atc_1", _bob, None);
        await Store.DeleteThreadAsync("thr_1", _bob, None);

        // The same ids saved by another user are that user's own thread and attachment.
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Bob's" }, _bob, None);
        await Store.SaveAttachmentAsync(Image("atc_1", "thr_1") with { Name = "bob.png" }, _bob, None);
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _bob, None);

        Assert.Equal(before, await SnapshotAliceAsync());
        Assert.Equal("Bob's", (await Store.LoadThreadAsync("thr_1", _bob, None)).Title);
        Assert.Equal("bob.png", (await Store.LoadAttachmentAsync("atc_1", _bob, None)).Name);
        Assert.Equal(["msg_1"], Ids(await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _bob, None)));

        await Store.DeleteThreadAsync("thr_1", _bob, None);
        Assert.Equal(before, await SnapshotAliceAsync());
    }

    [Fact]
    public async Task Sixteen_concurrent_adders_on_one_thread_lose_and_duplicate_nothing()
    {
        const int Tasks = 16;
        const int ItemsPerTask = 25;
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < ItemsPerTask; i++)
            {
                // Half the items share one timestamp; every task also re-adds one shared id.
                var createdAt = i % 2 == 0 ? T0 : T0.AddMilliseconds((t * ItemsPerTask) + i);
                await Store.AddThreadItemAsync("thr_1", Message("thr_1", $"msg_{t}_{i}", createdAt), _alice, None);
                await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_shared", T0), _alice, None);
            }
        })));

        foreach (var order in new[] { SortOrder.Asc, SortOrder.Desc })
        {
            var listed = await PageThroughAsync((after, ct) => Store.LoadThreadItemsAsync("thr_1", after, 7, order, _alice, ct), 7);
            Assert.Equal((Tasks * ItemsPerTask) + 1, listed.Count);
            Assert.Equal(listed.Count, listed.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_new_store_instance_on_the_same_data_sees_threads_items_and_attachments()
    {
        await SeedAliceAsync();
        var before = await SnapshotAliceAsync();

        var reopened = Reopen();

        Assert.Equal(before, await SnapshotAsync(reopened, _alice));
    }

    [Fact]
    public void Default_id_generators_use_the_reference_prefixes()
    {
        var thread = Thread("thr_1");

        Assert.StartsWith("thr_", Store.GenerateThreadId(_alice), StringComparison.Ordinal);
        Assert.StartsWith("msg_", Store.GenerateItemId(StoreItemType.Message, thread, _alice), StringComparison.Ordinal);
        Assert.StartsWith("tc_", Store.GenerateItemId(StoreItemType.ToolCall, thread, _alice), StringComparison.Ordinal);
        Assert.StartsWith("tsk_", Store.GenerateItemId(StoreItemType.Task, thread, _alice), StringComparison.Ordinal);
        Assert.StartsWith("wf_", Store.GenerateItemId(StoreItemType.Workflow, thread, _alice), StringComparison.Ordinal);
        Assert.StartsWith("shcx_", Store.GenerateItemId(StoreItemType.SdkHiddenContext, thread, _alice), StringComparison.Ordinal);
        Assert.NotEqual(Store.GenerateThreadId(_alice), Store.GenerateThreadId(_alice));
    }

    [Fact]
    public async Task Update_thread_changes_a_stored_thread_and_never_inserts_a_missing_one()
    {
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Old" }, _alice, None);

        var updated = await Store.UpdateThreadAsync("thr_1", t => t with { Title = "New" }, _alice, None);
        var missing = await Store.UpdateThreadAsync("thr_gone", t => throw new InvalidOperationException("never called"), _alice, None);
        var foreign = await Store.UpdateThreadAsync("thr_1", t => t with { Title = "Bob's" }, _bob, None);

        Assert.Equal("New", updated?.Title);
        Assert.Equal("New", (await Store.LoadThreadAsync("thr_1", _alice, None)).Title);
        Assert.Null(missing);
        Assert.Null(foreign);
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadAsync("thr_gone", _alice, None));
        Assert.Empty((await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _bob, None)).Data);
    }

    [Fact]
    public async Task Parallel_updates_of_one_thread_are_atomic_so_none_is_lost()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.UpdateThreadAsync(
            "thr_1", t => t with { Metadata = new JsonObject { ["count"] = (t.Metadata["count"]?.GetValue<int>() ?? 0) + 1 } }, _alice, None))));

        Assert.Equal(20, (await Store.LoadThreadAsync("thr_1", _alice, None)).Metadata["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Thread_lease_is_held_by_one_holder_until_released_or_expired()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);
        var until = T0.AddSeconds(30);

        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0, until, _alice, None));
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "b", T0.AddSeconds(29), until, _alice, None));
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0.AddSeconds(29), T0.AddSeconds(59), _alice, None)); // renewed
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "b", T0.AddSeconds(58), T0.AddSeconds(88), _alice, None));
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "b", T0.AddSeconds(59), T0.AddSeconds(89), _alice, None)); // a's expired
        await Store.ReleaseThreadLeaseAsync("thr_1", "a", _alice, None); // not a's any more: changes nothing
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "c", T0.AddSeconds(60), T0.AddSeconds(90), _alice, None));
        await Store.ReleaseThreadLeaseAsync("thr_1", "b", _alice, None);
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "c", T0.AddSeconds(60), T0.AddSeconds(90), _alice, None));
    }

    [Fact]
    public async Task Thread_lease_on_a_missing_or_another_users_thread_is_not_found()
    {
        await Store.SaveThreadAsync(Thread("thr_1"), _alice, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Store.TryLeaseThreadAsync("thr_gone", "a", T0, T0.AddSeconds(30), _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.TryLeaseThreadAsync("thr_1", "a", T0, T0.AddSeconds(30), _bob, None));
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0, T0.AddSeconds(30), _alice, None));
    }

    [Fact]
    public async Task Updating_a_thread_keeps_its_lease_and_its_place_in_the_list()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2");
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0, T0.AddSeconds(30), _alice, None));

        await Store.UpdateThreadAsync("thr_1", t => t with { Title = "Renamed" }, _alice, None);

        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "b", T0, T0.AddSeconds(30), _alice, None));
        Assert.Equal(["thr_1", "thr_2"], (await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _alice, None)).Data.Select(t => t.Id));
    }

    [Fact]
    public async Task Created_leased_thread_is_stored_with_its_first_item_and_held_by_its_creator()
    {
        await Store.CreateLeasedThreadAsync(Thread("thr_1") with { Title = "New" }, Message("thr_1", "msg_1", T0), "a", T0, T0.AddSeconds(30), _alice, None);

        Assert.Equal("New", (await Store.LoadThreadAsync("thr_1", _alice, None)).Title);
        Assert.Equal(["msg_1"], (await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)).Data.Select(i => i.Id));
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "b", T0.AddSeconds(29), T0.AddSeconds(59), _alice, None));
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0.AddSeconds(29), T0.AddSeconds(59), _alice, None)); // its creator renews it
        Assert.Empty((await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _bob, None)).Data);
    }

    [Fact]
    public async Task Creating_a_thread_over_another_holders_leased_thread_fails_and_changes_nothing()
    {
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Held" }, _alice, None);
        Assert.True(await Store.TryLeaseThreadAsync("thr_1", "a", T0, T0.AddSeconds(30), _alice, None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateLeasedThreadAsync(
            Thread("thr_1") with { Title = "Again" }, Message("thr_1", "msg_1", T0), "b", T0.AddSeconds(1), T0.AddSeconds(31), _alice, None));

        Assert.Equal("Held", (await Store.LoadThreadAsync("thr_1", _alice, None)).Title);
        Assert.Empty((await Store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, _alice, None)).Data);
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "b", T0.AddSeconds(2), T0.AddSeconds(32), _alice, None)); // still a's
    }

    [Fact]
    public async Task Lease_and_load_gives_the_thread_to_its_holder_and_null_while_another_holds_it()
    {
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Mine" }, _alice, None);

        var leased = await Store.TryLeaseAndLoadThreadAsync("thr_1", "a", T0, T0.AddSeconds(30), _alice, None);
        var busy = await Store.TryLeaseAndLoadThreadAsync("thr_1", "b", T0.AddSeconds(29), T0.AddSeconds(59), _alice, None);
        var afterExpiry = await Store.TryLeaseAndLoadThreadAsync("thr_1", "b", T0.AddSeconds(30), T0.AddSeconds(60), _alice, None);

        Assert.Equal("Mine", leased?.Title);
        Assert.Null(busy);
        Assert.Equal("Mine", afterExpiry?.Title);
        Assert.False(await Store.TryLeaseThreadAsync("thr_1", "a", T0.AddSeconds(31), T0.AddSeconds(61), _alice, None)); // now b's
        await Assert.ThrowsAsync<NotFoundException>(() => Store.TryLeaseAndLoadThreadAsync("thr_gone", "a", T0, T0.AddSeconds(30), _alice, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.TryLeaseAndLoadThreadAsync("thr_1", "c", T0.AddSeconds(90), T0.AddSeconds(120), _bob, None));
    }

    [Fact]
    public async Task Update_from_a_seen_thread_writes_the_change_when_nobody_else_changed_it()
    {
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Old", Metadata = new JsonObject { ["turns"] = 1, ["b"] = "x", ["a"] = "y" } }, _alice, None);
        var seen = await Store.LoadThreadAsync("thr_1", _alice, None);

        var updated = await Store.UpdateThreadAsync("thr_1", seen, t => t with { Title = "New" }, _alice, None);

        Assert.Equal("New", updated?.Title);
        JsonAssert.EqualIgnoringKeyOrder(seen with { Title = "New" }, await Store.LoadThreadAsync("thr_1", _alice, None));
    }

    [Fact]
    public async Task Update_from_a_seen_thread_applies_the_change_to_what_another_request_stored_meanwhile()
    {
        await Store.SaveThreadAsync(Thread("thr_1") with { Title = "Old" }, _alice, None);
        var seen = await Store.LoadThreadAsync("thr_1", _alice, None);
        await Store.UpdateThreadAsync("thr_1", t => t with { Title = "Renamed" }, _alice, None); // another request

        var updated = await Store.UpdateThreadAsync("thr_1", seen, t => t with { Status = new LockedStatus("done") }, _alice, None);

        var stored = await Store.LoadThreadAsync("thr_1", _alice, None);
        Assert.Equal(("Renamed", new LockedStatus("done")), (updated?.Title, updated?.Status));
        Assert.Equal(("Renamed", new LockedStatus("done")), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task Update_from_a_seen_thread_never_inserts_a_deleted_thread_nor_changes_another_users()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2");
        var seen1 = await Store.LoadThreadAsync("thr_1", _alice, None);
        var seen2 = await Store.LoadThreadAsync("thr_2", _alice, None);
        await Store.DeleteThreadAsync("thr_1", _alice, None);

        var deleted = await Store.UpdateThreadAsync("thr_1", seen1, t => t with { Title = "Back" }, _alice, None);
        var foreign = await Store.UpdateThreadAsync("thr_2", seen2, t => t with { Title = "Bob's" }, _bob, None);

        Assert.Null(deleted);
        Assert.Null(foreign);
        await Assert.ThrowsAsync<NotFoundException>(() => Store.LoadThreadAsync("thr_1", _alice, None));
        Assert.Null((await Store.LoadThreadAsync("thr_2", _alice, None)).Title);
        Assert.Empty((await Store.LoadThreadsAsync(10, null, SortOrder.Asc, _bob, None)).Data);
    }

    private static ChatKitRequestContext NewUser(string name) => new($"{name}-{Guid.NewGuid():N}");

    private async Task SaveThreadsAsync(ChatKitRequestContext user, params string[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            await Store.SaveThreadAsync(Thread(ids[i], T0.AddSeconds(i)), user, None);
        }
    }

    /// <summary>Alice's thread thr_1 with two items and an attachment, thr_2 with one item.</summary>
    private async Task SeedAliceAsync()
    {
        await SaveThreadsAsync(_alice, "thr_1", "thr_2");
        await Store.AddThreadItemAsync("thr_1", Message("thr_1", "msg_1", T0), _alice, None);
        await Store.AddThreadItemAsync("thr_1", Assistant("thr_1", "msg_2", "hello"), _alice, None);
        await Store.AddThreadItemAsync("thr_2", Message("thr_2", "msg_3", T0), _alice, None);
        await Store.SaveAttachmentAsync(Image("atc_1", "thr_1"), _alice, None);
    }

    private Task<string> SnapshotAliceAsync() => SnapshotAsync(Store, _alice);

    /// <summary>Everything SeedAliceAsync wrote, as JSON, to compare before and after.</summary>
    private static async Task<string> SnapshotAsync(IChatKitStore<ChatKitRequestContext> store, ChatKitRequestContext user)
    {
        var snapshot = new JsonObject
        {
            ["threads"] = new JsonArray([.. (await store.LoadThreadsAsync(10, null, SortOrder.Asc, user, None)).Data.Select(JsonAssert.Node)]),
            ["thr_1"] = JsonAssert.Node(await store.LoadThreadItemsAsync("thr_1", null, 10, SortOrder.Asc, user, None)),
            ["thr_2"] = JsonAssert.Node(await store.LoadThreadItemsAsync("thr_2", null, 10, SortOrder.Asc, user, None)),
            ["atc_1"] = JsonAssert.Node(await store.LoadAttachmentAsync("atc_1", user, None)),
        };
        return snapshot.ToJsonString();
    }

    private static async Task<List<string>> PageThroughAsync<T>(Func<string?, CancellationToken, Task<Page<T>>> load, int pageSize)
    {
        var ids = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await load(after, None);
            Assert.True(page.Data.Count <= pageSize);
            ids.AddRange(Ids(page));
            if (!page.HasMore)
            {
                Assert.Null(page.After);
                return ids;
            }

            Assert.Equal(ids[^1], page.After);
            after = page.After;
        }

        throw new InvalidOperationException("Pagination did not end.");
    }

    private static (string Ids, bool HasMore, string? After) Summary<T>(Page<T> page) => (string.Join(',', Ids(page)), page.HasMore, page.After);

    private static List<string> Ids<T>(Page<T> page) => [.. page.Data.Select(x => x switch
    {
        ThreadItem item => item.Id,
        ThreadMetadata thread => thread.Id,
        _ => throw new ArgumentException("Not a page of threads or items.", nameof(page)),
    })];

    private static ThreadMetadata Thread(string id, DateTimeOffset? createdAt = null) => new() { Id = id, CreatedAt = createdAt ?? T0 };

    private static UserMessageItem Message(string threadId, string id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        ThreadId = threadId,
        CreatedAt = createdAt,
        Content = [new UserMessageTextContent($"text of {id}")],
    };

    private static AssistantMessageItem Assistant(string threadId, string id, string text) => new()
    {
        Id = id,
        ThreadId = threadId,
        CreatedAt = T0.AddSeconds(0.5),
        Content = [new AssistantMessageContent { Text = text }],
    };

    private static WidgetItem Widget(string threadId, string id, string title) => new()
    {
        Id = id,
        ThreadId = threadId,
        CreatedAt = T0.AddSeconds(0.75),
        Widget = new JsonObject { ["type"] = "Card", ["children"] = new JsonArray(new JsonObject { ["type"] = "Text", ["value"] = title, ["textAlign"] = "center" }) },
        CopyText = title,
    };

    private static ImageAttachment Image(string id, string? threadId) => new()
    {
        Id = id,
        Name = "photo.png",
        MimeType = "image/png",
        PreviewUrl = "https://cdn.example.com/preview.png",
        ThreadId = threadId,
        UploadDescriptor = new UploadDescriptor { Url = "https://upload.example.com/photo", Method = "POST" },
        Metadata = new JsonObject { ["storage_key"] = $"bucket/{id}", ["width"] = 640, ["tags"] = new JsonArray("a", "b") },
    };

    /// <summary>One item of each of the eleven types, with the optional parts filled in, in time order.</summary>
    private static List<ThreadItem> EveryItemType(string threadId)
    {
        var n = 0;
        DateTimeOffset Next() => T0.AddTicks(10 * ++n); // microsecond steps: the wire precision
        return
        [
            new UserMessageItem
            {
                Id = "msg_user", ThreadId = threadId, CreatedAt = Next(),
                Content =
                [
                    new UserMessageTextContent("Compare these, naïvely 🙂"),
                    new UserMessageTagContent { Id = "ent_1", Text = "@Ada", Data = new JsonObject { ["kind"] = "person" }, Group = "people", Interactive = true },
                ],
                Attachments = [Image("atc_in_message", threadId), new FileAttachment { Id = "atc_file", Name = "a.txt", MimeType = "text/plain", ThreadId = threadId, Metadata = new JsonObject { ["k"] = "v" } }],
                QuotedText = "the quoted part",
                InferenceOptions = new InferenceOptions { ToolChoice = new ToolChoice("search"), Model = "gpt-test" },
            },
            new AssistantMessageItem
            {
                Id = "msg_assistant", ThreadId = threadId, CreatedAt = Next(),
                Content =
                [
                    new AssistantMessageContent
                    {
                        Text = "See [1].",
                        Annotations =
                        [
                            new Annotation { Source = new UrlSource { Title = "Docs", Url = "https://example.com", Attribution = "ex" }, Index = 4 },
                            new Annotation { Source = new FileSource { Title = "File", Filename = "a.txt" } },
                            new Annotation { Source = new EntitySource { Title = "Ada", Id = "ent_1", Data = new JsonObject { ["x"] = 1 } } },
                        ],
                    },
                ],
            },
            new ClientToolCallItem
            {
                Id = "tc_1", ThreadId = threadId, CreatedAt = Next(), Status = ClientToolCallStatus.Completed,
                CallId = "call_1", Name = "get_selection", Arguments = new JsonObject { ["max"] = 3 }, Output = new JsonObject { ["text"] = "sel" },
            },
            Widget(threadId, "msg_widget", "Widget") with { CreatedAt = Next() },
            new GeneratedImageItem { Id = "msg_image", ThreadId = threadId, CreatedAt = Next(), Image = new GeneratedImage("img_1", "https://cdn.example.com/i.png") },
            new StructuredInputItem
            {
                Id = "msg_questions", ThreadId = threadId, CreatedAt = Next(), Status = StructuredInputStatus.Answered,
                Inputs =
                [
                    new MultipleChoiceInput
                    {
                        Id = "q1", Question = "Which?", Options = [new StructuredInputOption("a"), new StructuredInputOption("b")], Multiple = true,
                        Answer = new StructuredInputAnswer { Values = ["a", "b"] },
                    },
                    new FreeformInput { Id = "q2", Question = "Why?", Description = "one line", Answer = new StructuredInputAnswer { Skipped = true } },
                ],
            },
            new WorkflowItem
            {
                Id = "wf_1", ThreadId = threadId, CreatedAt = Next(),
                Workflow = new Workflow
                {
                    Type = WorkflowType.Reasoning, Expanded = true, Summary = new WorkflowSummary { Duration = 12 },
                    Tasks =
                    [
                        new CustomTask { Title = "Custom", Icon = "bolt", Content = "c", StatusIndicator = TaskStatusIndicator.Complete },
                        new SearchTask { TitleQuery = "q", Queries = ["q1"], Sources = [new UrlSource { Title = "S", Url = "https://s.example.com" }] },
                        new ThoughtTask { Content = "thinking" },
                        new FileTask { Sources = [new FileSource { Title = "F", Filename = "f.md" }] },
                        new ImageTask { Title = "Image", StatusIndicator = TaskStatusIndicator.Loading },
                    ],
                },
            },
            new TaskItem { Id = "tsk_1", ThreadId = threadId, CreatedAt = Next(), Task = new CustomTask { Title = "Standalone" } },
            new HiddenContextItem { Id = "msg_hidden", ThreadId = threadId, CreatedAt = Next(), Content = new JsonObject { ["page"] = "/docs" } },
            new SdkHiddenContextItem { Id = "shcx_1", ThreadId = threadId, CreatedAt = Next(), Content = "The user cancelled the response." },
            new EndOfTurnItem { Id = "msg_end", ThreadId = threadId, CreatedAt = Next() },
        ];
    }
}
