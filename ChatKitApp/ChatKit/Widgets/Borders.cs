namespace ChatKitApp.ChatKit.Widgets;

/// <summary>Borders per side, each a width in px or a whole <see cref="Border"/>.</summary>
public sealed record Borders : Sides<BorderEdge>;
