using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Agents.Runs;

/// <summary>
/// The agent that has a thread's conversation, kept in the thread's server-side metadata so the next
/// turn starts with the specialist a handoff reached, not with the default agent again.
/// </summary>
public static class ActiveAgent
{
    public const string MetadataKey = "agent";

    public static string? Read(ThreadMetadata thread) =>
        thread.Metadata[MetadataKey] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>Records a handoff; a turn that stayed with its starting agent changes nothing (no thread save).</summary>
    public static void Keep(ThreadMetadata thread, string startingAgent, string activeAgent)
    {
        if (activeAgent != startingAgent)
        {
            thread.Metadata[MetadataKey] = activeAgent; // the pipeline saves the thread after the next event
        }
    }
}
