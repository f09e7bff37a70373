namespace ChatKitApp.ChatKit.Protocol;

public sealed record FileAttachment : Attachment;
