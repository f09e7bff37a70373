namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>input.transcribe</c>.</summary>
public sealed record InputTranscribeRequest : ChatKitRequest<InputTranscribeParams>
{
    public override bool IsStreaming => false;
}
