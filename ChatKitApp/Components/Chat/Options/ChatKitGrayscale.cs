namespace ChatKitApp.Components.Chat.Options;

/// <summary>The gray palette, tinted with <see cref="Hue"/> (degrees, 0 to 360): <see cref="Tint"/> 0 to 9, <see cref="Shade"/> -4 to 4.</summary>
public sealed record ChatKitGrayscale(double Hue, int Tint, int? Shade = null);
