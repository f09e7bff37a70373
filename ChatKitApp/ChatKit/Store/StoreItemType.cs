namespace ChatKitApp.ChatKit.Store;

/// <summary>The kinds of id a store mints; each has its own prefix.</summary>
public enum StoreItemType
{
    Thread,
    Message,
    ToolCall,
    Task,
    Workflow,
    Attachment,
    SdkHiddenContext,
}
