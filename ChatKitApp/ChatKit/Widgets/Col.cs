namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A vertical flex container.</summary>
public sealed record Col : FlexContainer;
