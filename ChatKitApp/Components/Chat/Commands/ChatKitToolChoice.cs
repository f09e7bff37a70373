namespace ChatKitApp.Components.Chat.Commands;

/// <summary>The composer tool a message is sent with (<c>{id}</c>); it reaches the server as <c>inference_options.tool_choice</c>.</summary>
public sealed record ChatKitToolChoice(string Id);
