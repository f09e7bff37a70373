namespace ChatKitApp.ChatKit.Server;

/// <summary>A non-streaming answer: one UTF-8 JSON document.</summary>
public sealed class JsonChatKitResult(ReadOnlyMemory<byte> json) : ChatKitResult
{
    public ReadOnlyMemory<byte> Json { get; } = json;
}
