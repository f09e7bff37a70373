using ChatKitApp.Agents.Models;
using Microsoft.Extensions.AI;

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
