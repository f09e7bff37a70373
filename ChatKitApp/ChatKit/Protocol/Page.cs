namespace ChatKitApp.ChatKit.Protocol;

/// <summary>One page of a cursor-paginated list; <see cref="After"/> is the cursor for the next page.</summary>
public sealed record Page<T>
{
    public IReadOnlyList<T> Data { get; set; } = [];

    public bool HasMore { get; init; }

    public string? After { get; init; }

    public static Page<T> Empty { get; } = new();
}
