using System.Text.Json;

namespace ChatKitApp.Components.Chat.Commands;

/// <summary>
/// The argument of the element's <c>setComposerValue</c>: the parts of the draft given replace the
/// draft's; members left null are not sent and keep what the draft has. (The element's <c>files</c>
/// member takes browser <c>File</c> objects, which .NET cannot hand over, so it is not here.)
/// </summary>
public sealed record ChatKitComposerValue
{
    public string? Text { get; init; }

    /// <summary>Content parts instead of text; tags become <c>@Title</c> mentions.</summary>
    public IReadOnlyList<JsonElement>? Content { get; init; }

    public string? Reply { get; init; }

    public IReadOnlyList<JsonElement>? Attachments { get; init; }

    public string? SelectedToolId { get; init; }

    public string? SelectedModelId { get; init; }
}
