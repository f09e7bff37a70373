namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A banner with a markdown message.</summary>
public sealed record NoticeEvent : ThreadStreamEvent
{
    public NoticeLevel Level { get; set; } = NoticeLevel.Info;

    public required string Message { get; init; }

    public string? Title { get; init; }
}
