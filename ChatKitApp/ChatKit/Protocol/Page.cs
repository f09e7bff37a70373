using System.Diagnostics.CodeAnalysis;
namespace ChatKitApp.ChatKit.Protocol;

/// <summary>One page of a cursor-paginated list; <see cref="After"/> is the cursor for the next page.</summary>
public sealed record Page<T>
{
    public IReadOnlyList<T> Data { get; set; } = [];

    public bool HasMore { get; init; }

    public string? After { get; init; }

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Page<T>.Empty reads as what it is at every call site; there is no non-generic place for it.")]
    public static Page<T> Empty { get; } = new();
}
