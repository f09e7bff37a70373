using ChatKitApp.E2E.Fixtures;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>
/// Dictation in the offline element: Chromium's fake microphone (<c>--use-fake-device-for-media-stream</c>,
/// a generated tone, granted without a prompt) is recorded with MediaRecorder, sent as
/// <c>input.transcribe</c> and transcribed by the fake OpenAI server through the app's provider.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ElementDictationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dictated_audio_is_transcribed_by_the_provider_into_the_composer()
    {
        await using var provider = await FakeOpenAIServer.StartAsync();
        provider.Enqueue(FakeReply.Text("What is ChatKit?"));
        await using var app = new KestrelAppFactory(new()
        {
            ["ChatKit:Frontend:Source"] = "Local",
            ["ChatKit:Model:Endpoint"] = provider.BaseUrl,
            ["ChatKit:Model:ApiKey"] = "sk-e2e",
            ["ChatKit:Model:MaxRetries"] = "0",
            ["ChatKit:Model:TranscriptionModel"] = "fake-transcribe",
        });
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Permissions = ["microphone"] });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var chat = new ChatElementPage(page);
        await chat.OpenAsync();
        await chat.Input.FillAsync("Tell me:");
        var mic = page.Locator("[data-testid=dictate]");

        await mic.ClickAsync();
        await Expect(mic).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = ChatElementPage.Timeout });
        // A moment of the fake device's tone, so there is audio past the WebM header; the length does
        // not matter to the outcome (the fake transcribes whatever it gets), so this waits on nothing.
        await page.WaitForTimeoutAsync(500);
        await mic.ClickAsync();

        await Expect(chat.Input).ToHaveValueAsync("Tell me: What is ChatKit?", new() { Timeout = ChatElementPage.Timeout });
        await Expect(mic).ToHaveAttributeAsync("aria-pressed", "false");
        var request = Assert.Single(provider.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.Equal("fake-transcribe", request.Body["model"]!.GetValue<string>());
        var file = Assert.NotNull(request.File);
        Assert.Equal("dictation.webm", file.Name); // Chromium records audio/webm;codecs=opus
        Assert.NotEmpty(file.Bytes);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Composer_shows_no_microphone_without_a_transcription_model()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);

        await Expect(chat.Page.Locator("[data-testid=dictate]")).ToBeHiddenAsync();
    }
}
