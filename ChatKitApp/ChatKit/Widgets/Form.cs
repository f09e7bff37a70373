namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// A flex container that is a form: submitting it (a <see cref="Button"/> with <c>Submit</c>) sends
/// <see cref="OnSubmitAction"/>, or the submit button's own action, with the values of its named fields.
/// </summary>
public sealed record Form : FlexContainer
{
    public ActionConfig? OnSubmitAction { get; init; }

    /// <summary><c>row</c> or <c>col</c>.</summary>
    public string? Direction { get; init; }
}
