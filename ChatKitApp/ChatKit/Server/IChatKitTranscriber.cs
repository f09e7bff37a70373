using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Turns dictated audio (<c>input.transcribe</c>) into the text the composer shows. The engine has
/// already decoded the base64; the host checks the audio (size, type) and calls its speech-to-text
/// provider, throwing a <see cref="ChatKitRequestException"/> for audio it refuses.
/// </summary>
public interface IChatKitTranscriber<in TContext>
{
    Task<TranscriptionResult> TranscribeAsync(AudioInput audio, TContext context, CancellationToken cancellationToken);
}

/// <summary>The default: the host offers no dictation, so the request is not implemented here (501).</summary>
internal sealed class NoTranscription<TContext> : IChatKitTranscriber<TContext>
{
    public Task<TranscriptionResult> TranscribeAsync(AudioInput audio, TContext context, CancellationToken cancellationToken) =>
        throw ChatKitRequestException.NotImplemented("Dictation is not supported.");
}
