namespace ChatKitApp.Components.Chat.Options;

/// <summary>An entry of the composer's <c>/</c> menu.</summary>
public sealed record ChatKitCommand(string Id, string Label, string? Description = null, string? Icon = null, string? Group = null);
