namespace ChatKitApp.ChatKit.Protocol;

public sealed record WorkflowTaskAdded(int TaskIndex, WorkflowTask Task) : ThreadItemUpdate;
