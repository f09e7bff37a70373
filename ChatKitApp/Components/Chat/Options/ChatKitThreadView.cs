namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// <c>thread</c>: with <see cref="AutoScroll"/> the element follows a streaming answer while the user
/// is near the bottom. The element's default is off.
/// </summary>
public sealed record ChatKitThreadView(bool AutoScroll = false);
