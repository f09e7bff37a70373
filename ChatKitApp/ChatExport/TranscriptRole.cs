namespace ChatKitApp.ChatExport;

/// <summary>Who a transcript entry is from: the user, the assistant, or a step of the assistant's work (tools, workflows, widgets).</summary>
public enum TranscriptRole
{
    User,
    Assistant,
    Step,
}
