namespace ChatKitApp.ChatKit.Protocol;

public sealed record WorkflowTaskUpdated(int TaskIndex, WorkflowTask Task) : ThreadItemUpdate;
