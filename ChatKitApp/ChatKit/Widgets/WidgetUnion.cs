namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A prop that takes one of several JSON shapes (<c>number | string</c>, <c>string | {light, dark}</c>,
/// …): the derived records convert implicitly from each allowed C# value, so a builder reads
/// <c>Padding = 4</c> or <c>Padding = new Spacing { X = 2 }</c>, and it is written as that value alone.
/// Derived records construct with <c>new((object)value)</c>: without the cast, overload resolution
/// prefers the record's copy constructor through the implicit conversion, which recurses.
/// </summary>
public abstract record WidgetUnion
{
    private protected WidgetUnion(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The value as given: a number, a string, a bool or one of the widget records.</summary>
    public object Value { get; }
}
