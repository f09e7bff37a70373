using ChatKitApp.E2E.Fixtures;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Widgets and actions, structured input, client effects and the composer's tools and models, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RichFeatureTests(BrowserFixture fixture)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Widget_button_updates_the_card_in_place_and_the_change_survives_a_reload()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        await SendAsync(page, "show a widget about streaming");

        var card = Items(page, "widget").Last;
        await Expect(card).ToContainTextAsync("Streaming with server-sent events", new() { Timeout = 15_000 });
        await card.Locator("[data-widget-id=pin-streaming-with-server-sent-events]").ClickAsync();
        await Expect(card.Locator("[data-widget-id=pin-streaming-with-server-sent-events]")).ToHaveTextAsync("Unpin");
        await Expect(card).ToContainTextAsync("Pinned");

        await page.ReloadAsync();
        await Expect(Items(page, "widget").Last.Locator("[data-widget-id=pin-streaming-with-server-sent-events]")).ToHaveTextAsync("Unpin", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Structured_question_is_answered_in_the_chat_and_the_turn_resumes()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        await SendAsync(page, "quiz me");

        var question = page.Locator("[data-testid=structured-input]");
        await Expect(question).ToContainTextAsync("Which topic would you like to explore?", new() { Timeout = 15_000 });
        await question.Locator("[data-testid=structured-option]", new() { HasText = "Storage" }).ClickAsync();
        await question.Locator("[data-testid=structured-submit]").ClickAsync();

        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("You chose Storage", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Client_effect_shows_a_toast_in_the_page()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        await SendAsync(page, "toast");

        await Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Hello from the demo model!", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Composer_tool_forces_its_tool_and_the_model_picker_sends_the_chosen_model()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        var requests = RecordChatKitRequests(page);
        await OpenAsync(page);

        await page.Locator("[data-testid=composer-tools]").ClickAsync();
        await page.Locator("[data-testid=composer-tool][data-tool-id=show_articles]").ClickAsync();
        await page.Locator("[data-testid=composer-model]").SelectOptionAsync("gpt-4.1");
        await SendAsync(page, "streaming");

        // No keyword asked for a card: the forced tool did.
        await Expect(Items(page, "widget").Last).ToContainTextAsync("Streaming with server-sent events", new() { Timeout = 15_000 });
        using var create = System.Text.Json.JsonDocument.Parse(requests.Single(r => r.Contains("\"threads.create\"", StringComparison.Ordinal)));
        var inference = create.RootElement.GetProperty("params").GetProperty("input").GetProperty("inference_options");
        Assert.Equal("show_articles", inference.GetProperty("tool_choice").GetProperty("id").GetString());
        Assert.Equal("gpt-4.1", inference.GetProperty("model").GetString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Tagging_an_article_with_at_sends_an_input_tag_and_its_entity_source_opens_the_article()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        var requests = RecordChatKitRequests(page);
        await OpenAsync(page);

        var input = page.Locator("[data-testid=composer-input]");
        await input.ClickAsync();
        await input.PressSequentiallyAsync("explain @Stream");
        await page.Locator("[data-testid=tag-option]", new() { HasText = "Streaming with server-sent events" }).ClickAsync();
        await input.PressAsync("Enter");

        var reply = Items(page, "assistant_message").Last;
        await Expect(reply).ToContainTextAsync("You mentioned Streaming with server-sent events", new() { Timeout = 15_000 });
        using var create = System.Text.Json.JsonDocument.Parse(requests.Single(r => r.Contains("\"threads.create\"", StringComparison.Ordinal)));
        var tag = create.RootElement.GetProperty("params").GetProperty("input").GetProperty("content").EnumerateArray()
            .Single(p => p.GetProperty("type").GetString() == "input_tag");
        Assert.Equal("streaming-with-server-sent-events", tag.GetProperty("id").GetString());
        Assert.Equal("/articles/streaming-with-server-sent-events", tag.GetProperty("data").GetProperty("path").GetString());

        await reply.GetByRole(AriaRole.Button, new() { Name = "Streaming with server-sent events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/streaming-with-server-sent-events$"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Uploaded_image_shows_in_the_message_and_reaches_the_model()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        var image = await SendImageAsync(page, "What is in this picture?");

        await Expect(image).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Matches("/chatkit/attachments/atc_[0-9a-f]+/content$", await image.GetAttributeAsync("src"));
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("You attached an image, dot.png (image/png, 70 bytes), and I can see it.", new() { Timeout = 15_000 });
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the preview loads from the app");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Direct_upload_strategy_posts_the_file_to_the_app_and_the_image_shows_in_the_message()
    {
        await using var app = new KestrelAppFactory(new()
        {
            ["ChatKit:Frontend:Source"] = "Local",
            ["ChatKit:Frontend:DirectUpload"] = "true",
        });
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/chatkit/attachments", StringComparison.Ordinal) && request.Method == "POST")
            {
                uploads.Add(new Uri(request.Url).AbsolutePath);
            }
        };
        await OpenAsync(page);

        await SendImageAsync(page, "And this one?");

        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("You attached an image, dot.png", new() { Timeout = 15_000 });
        Assert.Equal(["/chatkit/attachments"], uploads); // one request, no attachments.create
    }

    [Fact]
    public async Task Uploaded_image_reaches_an_OpenAI_compatible_model_as_image_content_with_the_users_text()
    {
        // The real model path (OpenAI SDK through IChatClient) against a fake provider on loopback,
        // instead of the demo model, which only describes what it was given.
        await using var provider = await FakeOpenAIServer.StartAsync();
        provider.Enqueue(FakeReply.Text("A single ", "dark ", "pixel."));
        await using var app = new KestrelAppFactory(new()
        {
            ["ChatKit:Frontend:Source"] = "Local",
            ["ConnectionStrings:ChatKit"] = fixture.Database.ConnectionString, // the bytes come back out of PostgreSQL
            ["ChatKit:Model:Provider"] = "OpenAI",
            ["ChatKit:Model:Endpoint"] = provider.BaseUrl,
            ["ChatKit:Model:ApiKey"] = "sk-e2e",
            ["ChatKit:Model:MaxRetries"] = "0",
            ["ChatKit:Model:GenerateTitles"] = "false", // the turn's request is then the only one
        });
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await OpenAsync(page);

        var image = await SendImageAsync(page, "What is in this picture?");

        await Expect(image).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("A single dark pixel.", new() { Timeout = 15_000 });
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the preview loads from the app");

        var request = Assert.Single(provider.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-e2e", request.Authorization);
        var user = request.Messages.Last(m => m?["role"]?.GetValue<string>() == "user")!;
        var parts = user["content"]!.AsArray();
        Assert.Contains("What is in this picture?", FakeOpenAIRequest.TextOf(parts), StringComparison.Ordinal);
        var url = Assert.Single(parts, p => p?["type"]?.GetValue<string>() == "image_url")!["image_url"]!["url"]!.GetValue<string>();
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        Assert.Equal(Png, Convert.FromBase64String(url[prefix.Length..]));
        Assert.Empty(errors);
    }

    /// <summary>The bodies the element posts to /chatkit, as sent.</summary>
    private static List<string> RecordChatKitRequests(IPage page)
    {
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/chatkit", StringComparison.Ordinal) && request.PostData is { } body)
            {
                requests.Add(body);
            }
        };
        return requests;
    }

    /// <summary>Attaches <see cref="Png"/> as dot.png, waits for its upload and sends <paramref name="text"/>; answers the image in the sent message.</summary>
    private static async Task<ILocator> SendImageAsync(IPage page, string text)
    {
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "dot.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.Locator("[data-testid=composer-attachment]")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("uploading"), new() { Timeout = 10_000 });
        await SendAsync(page, text);
        return Items(page, "user_message").Last.Locator("img.attachment-image");
    }
}
