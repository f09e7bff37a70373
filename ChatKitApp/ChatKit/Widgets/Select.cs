using System.Diagnostics.CodeAnalysis;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>A drop-down of <see cref="SelectOption"/>s.</summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Named as the component it builds, like every widget type here; the name only clashes with VB's Select Case.")]
public sealed record Select : PickerControl
{
    public required IReadOnlyList<SelectOption> Options { get; init; }

    public string? DefaultValue { get; init; }

    /// <summary>
    /// Shows a search box (the reference server's prop, not in the element's 1.9.0 types; by default
    /// the element searches when there are more than 15 options).
    /// </summary>
    public bool? Searchable { get; init; }
}
