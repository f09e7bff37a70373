using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The wire form of a thread: its metadata (with server-side metadata blanked) plus a page of items.</summary>
public sealed record ChatThread
{
    public string? Title { get; init; }

    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public ThreadStatus Status { get; set; } = ThreadStatus.Active;

    public IList<string>? AllowedImageDomains { get; init; }

    /// <summary>Always empty on the wire: thread metadata holds server state such as response ids.</summary>
    public JsonObject Metadata { get; set; } = [];

    public Page<ThreadItem> Items { get; set; } = Page<ThreadItem>.Empty;

    public static ChatThread From(ThreadMetadata thread, Page<ThreadItem>? items = null) => new()
    {
        Title = thread.Title,
        Id = thread.Id,
        CreatedAt = thread.CreatedAt,
        Status = thread.Status,
        AllowedImageDomains = thread.AllowedImageDomains is null ? null : [.. thread.AllowedImageDomains],
        Items = items ?? Page<ThreadItem>.Empty,
    };
}
