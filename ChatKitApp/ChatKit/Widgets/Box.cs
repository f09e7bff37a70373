namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A flex container laid out by its <c>direction</c> (column by default).</summary>
public sealed record Box : FlexContainer;
