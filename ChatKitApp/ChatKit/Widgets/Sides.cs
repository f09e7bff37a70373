namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A value per side, as the element's per-side objects have it; <c>X</c>/<c>Y</c> set both sides of an axis, a named side wins over its axis.</summary>
public abstract record Sides<T>
    where T : WidgetUnion
{
    public T? Top { get; init; }

    public T? Right { get; init; }

    public T? Bottom { get; init; }

    public T? Left { get; init; }

    public T? X { get; init; }

    public T? Y { get; init; }
}
