namespace ChatKitApp.ChatKit.Protocol;

public sealed record UserMessageTextContent(string Text) : UserMessageContent;
