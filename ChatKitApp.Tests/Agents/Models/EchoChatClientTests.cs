using ChatKitApp.Agents.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.Agents.Models;

public sealed class EchoChatClientTests
{
    [Fact]
    public async Task Streams_the_last_user_message_back_in_pieces_that_join_to_it()
    {
        using var client = new EchoChatClient();
        const string text = "one two three four five six seven";

        var updates = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "earlier"), new ChatMessage(ChatRole.Assistant, "reply"), new ChatMessage(ChatRole.User, text)]))
        {
            updates.Add(update.Text);
        }

        Assert.Equal(["one two three ", "four five six ", "seven"], updates);
        Assert.Equal(text, string.Concat(updates));
    }

    [Fact]
    public async Task Echo_delay_holds_each_later_update_until_the_clock_moves_and_stamps_its_emit_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddSeconds(10));
        using var client = new EchoChatClient(clock, TimeSpan.FromMilliseconds(50));
        await using var updates = client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "a b {emit_us} c d {emit_us}")]).GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("a b 10000000 ", updates.Current.Text);

        var second = updates.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(second.IsCompleted, "the second update waits for the whole delay");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await second);
        Assert.Equal("c d 10050000", updates.Current.Text);
    }

    [Fact]
    public async Task Echo_delay_ends_the_stream_when_the_turn_is_cancelled()
    {
        using var client = new EchoChatClient(new FakeTimeProvider(), TimeSpan.FromSeconds(1));
        using var cancel = new CancellationTokenSource();
        await using var updates = client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "one two three four")], cancellationToken: cancel.Token).GetAsyncEnumerator();
        Assert.True(await updates.MoveNextAsync());

        var next = updates.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public async Task Echo_provider_answers_through_the_whole_app()
    {
        await using var app = new Fixtures.ChatKitAppFactory(new() { ["ChatKit:Model:Provider"] = "Echo" });
        using var user = await Fixtures.UserClient.CreateGuestAsync(app);
        var http = user.Http;

        using var response = await http.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent(
            """{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Echo me back please"}],"attachments":[],"inference_options":{}}}}""",
            System.Text.Encoding.UTF8, "application/json"));

        var events = Fixtures.SseReader.Parse(await response.Content.ReadAsStringAsync());
        var done = events.Last(e => e["type"]!.GetValue<string>() == "thread.item.done");
        Assert.Equal("Echo me back please", done["item"]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Echo me back please", events.Last(e => e["type"]!.GetValue<string>() == "thread.updated")["thread"]!["title"]!.GetValue<string>());
    }
}
