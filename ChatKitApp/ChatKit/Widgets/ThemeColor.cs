namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A colour per colour scheme: <c>{dark, light}</c>.</summary>
public sealed record ThemeColor(string Dark, string Light);
