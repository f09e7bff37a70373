namespace ChatKitApp.ChatKit.Protocol;

public sealed record ThreadListParams
{
    /// <summary>Null or 0 means the default page size.</summary>
    public int? Limit { get; init; }

    public SortOrder Order { get; set; } = SortOrder.Desc;

    public string? After { get; init; }
}
