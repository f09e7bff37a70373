using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Attachments;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Agents.Turn;

/// <summary>What the provider receives for attachments: images as image content, text files as text.</summary>
public sealed class AttachmentModelTests
{
    [Fact]
    public async Task Uploaded_image_reaches_the_provider_as_an_image_part_with_its_bytes()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("A dot."));
        var id = await harness.UploadAsync("dot.png", "image/png", AttachmentEndpointTests.Png);

        var events = await harness.CreateThreadWithAttachmentsAsync("What is this?", id);

        var request = harness.Fake.Requests.Single(r => r.ToolNames.Any());
        var user = request.Messages.Last(m => m?["role"]?.GetValue<string>() == "user")!;
        var image = user["content"]!.AsArray().Single(p => p?["type"]?.GetValue<string>() == "image_url")!;
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(AttachmentEndpointTests.Png), image["image_url"]!["url"]!.GetValue<string>());
        var stored = events.OfType<ThreadItemDoneEvent>().Select(d => d.Item).OfType<UserMessageItem>().Single();
        Assert.Equal(id, Assert.IsType<ImageAttachment>(Assert.Single(stored.Attachments)).Id);
    }

    [Fact]
    public async Task Uploaded_text_file_reaches_the_provider_as_text()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Fake!.Enqueue(FakeReply.Text("Noted."));
        var id = await harness.UploadAsync("notes.md", "text/markdown", "# Plan\nship it"u8.ToArray());

        await harness.CreateThreadWithAttachmentsAsync("Summarize", id);

        var request = harness.Fake.Requests.Single(r => r.ToolNames.Any());
        var user = request.Messages.Last(m => m?["role"]?.GetValue<string>() == "user")!;
        Assert.Contains("<attachment name=\"notes.md\" type=\"text/markdown\">\n# Plan\nship it\n</attachment>", FakeOpenAIRequest.TextOf(user["content"]));
    }
}
