namespace ChatKitApp.ChatKit.Protocol;

public sealed record InputTranscribeParams
{
    public required string AudioBase64 { get; init; }

    /// <summary>The raw type, parameters included (e.g. <c>audio/webm;codecs=opus</c>).</summary>
    public required string MimeType { get; init; }
}
