namespace ChatKitApp.ChatKit.Widgets;

/// <summary>What a widget item may hold at its top: a <see cref="Card"/>, a <see cref="ListView"/> or a <see cref="BasicRoot"/>.</summary>
public abstract record WidgetRoot : WidgetComponent;
