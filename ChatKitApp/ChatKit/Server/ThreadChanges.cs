using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// How a response's changes to its thread meet changes made by other requests meanwhile (a rename
/// while the first reply streams). Field by field: what the response changed is written, unless the
/// stored field changed too since the response last saw it; then the other request's value stays.
/// So a title the user typed is never overwritten by a generated one that arrives later.
/// </summary>
internal static class ThreadChanges
{
    /// <param name="stored">The thread as stored now.</param>
    /// <param name="seen">The thread as the response last loaded or saved it.</param>
    /// <param name="mine">The thread as the response has changed it.</param>
    public static ThreadMetadata Merge(ThreadMetadata stored, ThreadMetadata seen, ThreadMetadata mine) => stored with
    {
        Title = Pick(stored.Title, seen.Title, mine.Title, string.Equals),
        Status = Pick(stored.Status, seen.Status, mine.Status, Equals),
        AllowedImageDomains = Pick(stored.AllowedImageDomains, seen.AllowedImageDomains, mine.AllowedImageDomains, SameDomains),
        Metadata = Pick(stored.Metadata, seen.Metadata, mine.Metadata, JsonNode.DeepEquals),
    };

    /// <summary>
    /// A copy of <paramref name="thread"/> that changes made to it later, in place or not, do not
    /// reach: what the pipeline compares the thread with after every event of a response.
    /// </summary>
    public static ThreadMetadata Snapshot(ThreadMetadata thread) => thread with
    {
        AllowedImageDomains = thread.AllowedImageDomains is { } domains ? [.. domains] : null,
        Metadata = (JsonObject)thread.Metadata.DeepClone(),
    };

    /// <summary>
    /// Whether the fields a response may change are equal. Cheap enough to run after every event:
    /// the fields are compared as values, nothing is serialised.
    /// </summary>
    public static bool Same(ThreadMetadata a, ThreadMetadata b) =>
        string.Equals(a.Title, b.Title, StringComparison.Ordinal)
        && Equals(a.Status, b.Status)
        && SameDomains(a.AllowedImageDomains, b.AllowedImageDomains)
        && JsonNode.DeepEquals(a.Metadata, b.Metadata);

    /// <summary>Copies the fields a response may change from <paramref name="source"/> onto <paramref name="target"/>.</summary>
    public static void CopyInto(ThreadMetadata target, ThreadMetadata source)
    {
        target.Title = source.Title;
        target.Status = source.Status;
        target.AllowedImageDomains = source.AllowedImageDomains;
        target.Metadata = source.Metadata;
    }

    private static T Pick<T>(T stored, T seen, T mine, Func<T, T, bool> same) =>
        !same(mine, seen) && same(stored, seen) ? mine : stored;

    private static bool SameDomains(IList<string>? a, IList<string>? b) =>
        a is null || b is null ? a is null && b is null : a.SequenceEqual(b, StringComparer.Ordinal);
}
