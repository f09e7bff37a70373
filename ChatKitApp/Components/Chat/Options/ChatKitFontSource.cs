namespace ChatKitApp.Components.Chat.Options;

/// <summary>
/// A web font the element loads (<c>@font-face</c>): <see cref="Style"/> is <c>normal</c>, <c>italic</c>
/// or <c>oblique</c>; <see cref="Display"/> is <c>auto</c>, <c>block</c>, <c>swap</c>, <c>fallback</c> or <c>optional</c>.
/// </summary>
public sealed record ChatKitFontSource(string Family, string Src, string? Weight = null, string? Style = null, string? Display = null, string? UnicodeRange = null);
