using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Dictation;

/// <summary>What dictated audio (<c>input.transcribe</c>) may be (<c>ChatKit:Dictation</c>); the model is <c>ChatKit:Model:TranscriptionModel</c>.</summary>
public sealed class DictationOptions
{
    public const string SectionName = "ChatKit:Dictation";

    /// <summary>
    /// The audio types the provider's transcription endpoint reads, with the file name extension it
    /// is sent under (OpenAI tells the format by the extension). What browsers' MediaRecorder makes
    /// is among them: <c>audio/webm</c> (Chromium, Firefox), <c>audio/ogg</c>, <c>audio/mp4</c> (Safari).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/webm"] = "webm",
        ["audio/ogg"] = "ogg",
        ["audio/mp4"] = "mp4",
        ["audio/x-m4a"] = "m4a",
        ["audio/mpeg"] = "mp3",
        ["audio/wav"] = "wav",
        ["audio/x-wav"] = "wav",
        ["audio/flac"] = "flac",
    };

    /// <summary>
    /// Largest audio accepted, decoded. The request carries it as base64 (a third larger) and
    /// <c>ChatKit:Limits:MaxRequestBytes</c> caps the request first, so raise both together. The
    /// default, 512 KiB, holds about two minutes of the Opus audio browsers record.
    /// </summary>
    [Range(typeof(long), "1", "26214400")] // OpenAI's transcription endpoint takes up to 25 MB
    public long MaxAudioBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// The audio types accepted, a subset of <see cref="KnownTypes"/>; empty means all of them (read
    /// <see cref="EffectiveAllowedTypes"/>). Empty rather than filled: configuration binding appends
    /// to a filled list, so a configured list could never drop a type.
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    public IReadOnlyCollection<string> EffectiveAllowedTypes => AllowedTypes.Count > 0 ? AllowedTypes : [.. KnownTypes.Keys];
}
