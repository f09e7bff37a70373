using System.Text.Json.Nodes;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// A thread without its items. Responders may change <see cref="Title"/>, <see cref="Status"/>,
/// <see cref="Metadata"/> and <see cref="AllowedImageDomains"/>; the server notices, saves and
/// streams <c>thread.updated</c>.
/// </summary>
public sealed record ThreadMetadata
{
    public string? Title { get; set; }

    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public ThreadStatus Status { get; set; } = ThreadStatus.Active;

    public IList<string>? AllowedImageDomains { get; set; }

    /// <summary>Server-side state (never sent to the client).</summary>
    public JsonObject Metadata { get; set; } = [];
}
