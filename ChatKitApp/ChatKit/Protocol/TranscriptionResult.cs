namespace ChatKitApp.ChatKit.Protocol;

public sealed record TranscriptionResult(string Text);
