namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Appends text to a Text/Markdown component that has an id.</summary>
public sealed record WidgetStreamingTextValueDelta(string ComponentId, string Delta, bool Done) : ThreadItemUpdate;
