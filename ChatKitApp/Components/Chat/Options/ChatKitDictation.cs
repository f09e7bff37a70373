namespace ChatKitApp.Components.Chat.Options;

/// <summary><c>composer.dictation</c>: the microphone button, which records and sends <c>input.transcribe</c>.</summary>
public sealed record ChatKitDictation(bool Enabled);
