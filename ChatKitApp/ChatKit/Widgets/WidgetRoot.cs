namespace ChatKitApp.ChatKit.Widgets;

/// <summary>What a widget item may hold at its top: a <see cref="Card"/> or a <see cref="ListView"/>.</summary>
public abstract record WidgetRoot : WidgetComponent;
