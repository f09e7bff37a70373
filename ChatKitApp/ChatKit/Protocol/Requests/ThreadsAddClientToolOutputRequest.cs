namespace ChatKitApp.ChatKit.Protocol;

/// <summary><c>threads.add_client_tool_output</c>.</summary>
public sealed record ThreadsAddClientToolOutputRequest : ChatKitRequest<ThreadAddClientToolOutputParams>
{
    public override bool IsStreaming => true;
}
