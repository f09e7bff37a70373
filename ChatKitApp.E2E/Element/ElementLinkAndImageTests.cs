using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary><c>chatkit-link://</c> deeplinks in replies and widgets, and which widget images may show.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementLinkAndImageTests(ScenarioBrowserFixture fixture)
{
    /// <summary>
    /// A thread that allows images from images.example.com only, answered with a card holding four
    /// images (the allowed host, a subdomain of it, another host, a look-alike host) and a deeplink.
    /// </summary>
    private static readonly string[] ImageCardStream =
    [
        """{"type":"thread.created","thread":{"id":"thr_img","title":null,"created_at":"2026-01-01T00:00:00Z","status":{"type":"active"},"metadata":{},"allowed_image_domains":["images.example.com"]}}""",
        """{"type":"thread.item.done","item":{"type":"user_message","id":"msg_u","thread_id":"thr_img","created_at":"2026-01-01T00:00:00Z","content":[{"type":"input_text","text":"images"}],"attachments":[],"inference_options":{}}}""",
        """
        {"type":"thread.item.done","item":{"type":"widget","id":"wid_img","thread_id":"thr_img","created_at":"2026-01-01T00:00:01Z","widget":{"type":"Card","children":[
          {"type":"Image","src":"https://images.example.com/allowed.png","alt":"allowed"},
          {"type":"Image","src":"https://cdn.images.example.com/sub.png","alt":"subdomain"},
          {"type":"Image","src":"https://tracker.example.net/pixel.png","alt":"other host"},
          {"type":"Image","src":"https://images.example.com.evil.test/x.png","alt":"look-alike"},
          {"type":"Markdown","value":"Open [the invoice](chatkit-link://invoice?number=7)."}]}}}
        """.ReplaceLineEndings(""),
    ];

    [Fact]
    public async Task Deeplink_in_a_reply_fires_chatkit_deeplink_with_its_name_and_query_and_opens_nothing()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.RecordEventsAsync();
        await chat.OpenAsync();
        await chat.SendAndWaitAsync("deeplink please");
        var link = chat.Items("assistant_message").GetByRole(AriaRole.Link, new() { Name = "order 42" });
        var url = chat.Page.Url;

        await link.ClickAsync();

        var detail = await chat.LastEventDetailAsync("chatkit.deeplink");
        Assert.Equal("order", detail.GetProperty("name").GetString());
        Assert.Equal(("42", "items"), (detail.GetProperty("data").GetProperty("id").GetString(), detail.GetProperty("data").GetProperty("tab").GetString()));
        // From the keyboard too.
        await link.FocusAsync();
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.LastEventDetailAsync("chatkit.deeplink", count: 2);
        Assert.Equal(url, chat.Page.Url);
        Assert.Single(chat.Page.Context.Pages);
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Deeplink_in_a_widget_markdown_fires_chatkit_deeplink()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.RecordEventsAsync();
        await chat.ServeThreadsCreateAsync(ImageCardStream);
        await chat.OpenAsync();
        await chat.SendAsync("images");

        await chat.Items("widget").GetByRole(AriaRole.Link, new() { Name = "the invoice" }).ClickAsync(new() { Timeout = ChatElementPage.Timeout });

        var detail = await chat.LastEventDetailAsync("chatkit.deeplink");
        Assert.Equal("invoice", detail.GetProperty("name").GetString());
        Assert.Equal("7", detail.GetProperty("data").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Widget_images_from_hosts_outside_the_threads_allowed_image_domains_are_not_shown()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.ServeThreadsCreateAsync(ImageCardStream);
        await chat.OpenAsync();

        await chat.SendAsync("images");

        var widget = chat.Items("widget");
        await Expect(widget).ToContainTextAsync("Open the invoice.", new() { Timeout = ChatElementPage.Timeout });
        Assert.Equal(["allowed", "subdomain"], await widget.Locator("img").EvaluateAllAsync<string[]>("images => images.map(i => i.alt)"));
    }
}
