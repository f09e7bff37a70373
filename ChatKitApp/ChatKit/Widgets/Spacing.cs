namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Padding or margin per side. Numbers are 4 px spacing units; strings are CSS.</summary>
public sealed record Spacing : Sides<CssValue>;
