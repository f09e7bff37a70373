using System.ClientModel;
using ChatKitApp.Agents.Models;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.Options;
using OpenAI.Audio;

namespace ChatKitApp.Dictation;

/// <summary>
/// Dictation through the model provider's audio transcription (<c>POST {endpoint}/audio/transcriptions</c>,
/// OpenAI's SDK), with <c>ChatKit:Model:TranscriptionModel</c> at the chat model's endpoint and key.
/// Audio outside the limits is refused with a 4xx before the provider is called.
/// </summary>
public sealed partial class ProviderTranscriber : IChatKitTranscriber<ChatKitRequestContext>
{
    private readonly ChatModelOptions _model;
    private readonly IOptions<DictationOptions> _limits;
    private readonly ILogger<ProviderTranscriber> _logger;
    private readonly Lazy<AudioClient> _client;

    public ProviderTranscriber(IOptions<ChatModelOptions> model, IOptions<DictationOptions> limits, TimeProvider time, ILogger<ProviderTranscriber> logger)
    {
        _model = model.Value;
        _limits = limits;
        _logger = logger;
        _client = new(() => ChatModelServiceCollectionExtensions.CreateOpenAIClient(_model, time).GetAudioClient(_model.TranscriptionModel));
    }

    public async Task<TranscriptionResult> TranscribeAsync(AudioInput audio, ChatKitRequestContext context, CancellationToken cancellationToken)
    {
        if (!_model.DictationEnabled)
        {
            throw ChatKitRequestException.NotImplemented("Dictation is not configured on this server.");
        }

        var extension = Check(audio);
        using var stream = new MemoryStream(audio.Data, writable: false);
        try
        {
            var result = await _client.Value.TranscribeAudioAsync(stream, "dictation." + extension, new AudioTranscriptionOptions(), cancellationToken);
            return new TranscriptionResult(result.Value.Text.Trim());
        }
        catch (ClientResultException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            // The provider could not read the recording (cut short, not the type it claims to be).
            LogProviderRefused(_logger, e.Message);
            throw new ChatKitRequestException(StatusCodes.Status400BadRequest, "invalid_audio", "The audio could not be transcribed; record it again.");
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or IOException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider failed (rate limit, outage, timeout): not the user's audio, and nothing was changed.
            LogProviderFailed(_logger, e);
            throw new ChatKitRequestException(StatusCodes.Status502BadGateway, "transcription_failed", "The transcription service did not answer; try again in a moment.");
        }
    }

    /// <summary>Checks the audio against <c>ChatKit:Dictation</c>; returns the file extension its type is sent under.</summary>
    private string Check(AudioInput audio)
    {
        var limits = _limits.Value;
        var type = audio.MediaType.ToLowerInvariant();
        if (!limits.EffectiveAllowedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw new ChatKitRequestException(StatusCodes.Status415UnsupportedMediaType, "unsupported_audio_type",
                $"Audio of type '{(type.Length == 0 ? "unknown" : type)}' cannot be transcribed. Allowed: {string.Join(", ", limits.EffectiveAllowedTypes)}.");
        }

        if (audio.Data.Length == 0)
        {
            throw ChatKitRequestException.BadRequest("The audio is empty.");
        }

        if (audio.Data.Length > limits.MaxAudioBytes)
        {
            throw new ChatKitRequestException(StatusCodes.Status413PayloadTooLarge, "audio_too_large",
                $"The audio is {audio.Data.Length} bytes; dictation takes at most {limits.MaxAudioBytes} bytes. Record a shorter message.");
        }

        return DictationOptions.KnownTypes[type];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The transcription provider refused the audio: {Reason}")]
    private static partial void LogProviderRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The transcription provider failed.")]
    private static partial void LogProviderFailed(ILogger logger, Exception exception);
}
