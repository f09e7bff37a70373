using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Models;
using ChatKitApp.Components.Chat;
using ChatKitApp.Components.Chat.Options;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Dictation;

/// <summary>
/// <c>input.transcribe</c> through <c>POST /chatkit</c>, with the real OpenAI SDK against the fake
/// OpenAI server's <c>/v1/audio/transcriptions</c>: the audio goes out as multipart, the text comes
/// back as <c>{"text":…}</c>; audio outside the limits is refused before the provider hears of it.
/// </summary>
public sealed class DictationTests : IAsyncLifetime
{
    // The first bytes of a WebM file, enough to tell the audio sent from any other.
    private static readonly byte[] Audio = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];

    private FakeOpenAIServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Transcribe_with_a_transcription_model_sends_multipart_audio_and_answers_the_providers_text()
    {
        _fake.Enqueue(FakeReply.Text("Book a table for two."));
        await using var app = App();
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, Audio, "audio/webm;codecs=opus");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"text":"Book a table for two."}""", body.ToJsonString());
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.True(request.IsMultipart);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("fake-transcribe", request.Body["model"]!.GetValue<string>());
        var file = Assert.NotNull(request.File);
        Assert.Equal("dictation.webm", file.Name); // the provider tells the format by the extension
        Assert.Equal(Audio, file.Bytes);
    }

    [Theory]
    [InlineData("audio/ogg;codecs=opus", "dictation.ogg")]
    [InlineData("audio/mp4", "dictation.mp4")]
    [InlineData("AUDIO/MPEG", "dictation.mp3")]
    public async Task Transcribe_names_the_file_after_the_recordings_type(string mimeType, string fileName)
    {
        _fake.Enqueue(FakeReply.Text("ok"));
        await using var app = App();
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, _) = await TranscribeAsync(user.Http, Audio, mimeType);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fileName, Assert.Single(_fake.Requests).File!.Value.Name);
    }

    [Fact]
    public async Task Transcribe_of_audio_over_the_size_limit_gives_413_and_calls_no_provider()
    {
        await using var app = App(new() { ["ChatKit:Dictation:MaxAudioBytes"] = "8" });
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, Audio, "audio/webm");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("audio_too_large", body["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_fake.Requests);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("")]
    [InlineData("audio/wav")] // known, but not in the configured list
    public async Task Transcribe_of_a_type_not_allowed_gives_415_and_calls_no_provider(string mimeType)
    {
        await using var app = App(new() { ["ChatKit:Dictation:AllowedTypes:0"] = "audio/webm" });
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, Audio, mimeType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("unsupported_audio_type", body["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Transcribe_of_empty_audio_gives_400_and_calls_no_provider()
    {
        await using var app = App();
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, [], "audio/webm");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_fake.Requests);
    }

    [Theory]
    [InlineData(400, HttpStatusCode.BadRequest, "invalid_audio")] // the provider cannot read the recording
    [InlineData(503, HttpStatusCode.BadGateway, "transcription_failed")] // the provider is down: not an internal error
    [InlineData(429, HttpStatusCode.BadGateway, "transcription_failed")]
    public async Task Transcribe_that_the_provider_refuses_gives_a_clear_error(int providerStatus, HttpStatusCode expected, string code)
    {
        _fake.Enqueue(FakeReply.Error(providerStatus));
        await using var app = App();
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, Audio, "audio/webm");

        Assert.Equal(expected, status);
        Assert.Equal(code, body["error"]!["code"]!.GetValue<string>());
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Transcribe_over_the_per_user_rate_limit_gets_429_and_reaches_no_provider()
    {
        _fake.Enqueue(FakeReply.Text("one"), FakeReply.Text("two"), FakeReply.Text("three"));
        await using var app = App(new() { ["ChatKit:RateLimits:RequestsPerWindow"] = "2", ["ChatKit:RateLimits:RateWindowSeconds"] = "60" });
        using var user = await UserClient.CreateGuestAsync(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await TranscribeAsync(user.Http, Audio, "audio/webm")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task Transcribe_without_a_transcription_model_is_not_implemented()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Model:Endpoint"] = _fake.BaseUrl, ["ChatKit:Model:ApiKey"] = "sk-test" });
        using var user = await UserClient.CreateGuestAsync(app);

        var (status, body) = await TranscribeAsync(user.Http, Audio, "audio/webm");

        Assert.Equal(HttpStatusCode.NotImplemented, status);
        Assert.Equal("not_implemented", body["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public void App_refuses_to_start_with_a_transcription_model_but_the_demo_model()
    {
        var error = ChatKitAppFactory.StartupFailure(new() { ["ChatKit:Model:TranscriptionModel"] = "whisper-1" });
        Assert.Contains("ChatKit:Model:TranscriptionModel", error.Message);
    }

    [Fact]
    public void App_refuses_to_start_with_an_audio_type_the_provider_cannot_read()
    {
        var error = ChatKitAppFactory.StartupFailure(new() { ["ChatKit:Dictation:AllowedTypes:0"] = "video/x-msvideo" });
        Assert.Contains("ChatKit:Dictation:AllowedTypes", error.Message);
    }

    [Fact]
    public void Composer_offers_dictation_only_when_the_server_can_transcribe()
    {
        var transcribing = new ChatModelOptions { ApiKey = "sk-test", TranscriptionModel = "whisper-1" };

        Assert.Equal(new ChatKitDictation(Enabled: true), ChatPageOptions.WithDictation(ChatPageOptions.FullPage, transcribing).Composer!.Dictation);
        Assert.NotEmpty(ChatPageOptions.WithDictation(ChatPageOptions.FullPage, transcribing).Composer!.Tools!); // the rest stays
        Assert.Same(ChatPageOptions.FullPage, ChatPageOptions.WithDictation(ChatPageOptions.FullPage, new ChatModelOptions { ApiKey = "sk-test" }));
        Assert.Same(ChatPageOptions.FullPage, ChatPageOptions.WithDictation(ChatPageOptions.FullPage, new ChatModelOptions { TranscriptionModel = "whisper-1" }));
    }

    [Fact]
    public void Dictation_option_is_serialised_as_the_elements_composer_dictation()
    {
        var options = ChatPageOptions.WithDictation(ChatPageOptions.SidePanel, new ChatModelOptions { ApiKey = "sk-test", TranscriptionModel = "whisper-1" });

        var composer = JsonNode.Parse(ChatKitOptionsSerializer.ToJson(options))!["composer"]!;

        Assert.Equal("""{"enabled":true}""", composer["dictation"]!.ToJsonString());
    }

    private ChatKitAppFactory App(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ChatKit:Model:Endpoint"] = _fake.BaseUrl,
            ["ChatKit:Model:ApiKey"] = "sk-test",
            ["ChatKit:Model:MaxRetries"] = "0",
            ["ChatKit:Model:TranscriptionModel"] = "fake-transcribe",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new ChatKitAppFactory(all);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> TranscribeAsync(HttpClient http, byte[] audio, string mimeType)
    {
        var request = ChatKitRequestJson.Request("input.transcribe", new JsonObject
        {
            ["audio_base64"] = Convert.ToBase64String(audio),
            ["mime_type"] = mimeType,
        });
        using var response = await http.PostAsJsonAsync("/chatkit", request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }
}
