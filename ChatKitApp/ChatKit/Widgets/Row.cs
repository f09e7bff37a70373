namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A horizontal flex container.</summary>
public sealed record Row : FlexContainer;
