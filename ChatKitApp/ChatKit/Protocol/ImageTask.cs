namespace ChatKitApp.ChatKit.Protocol;

public sealed record ImageTask : WorkflowTask;
