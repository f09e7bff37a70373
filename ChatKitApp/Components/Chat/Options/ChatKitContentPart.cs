using System.Text.Json;

namespace ChatKitApp.Components.Chat.Options;

/// <summary>A user-message content part: <c>input_text</c>, or an <c>input_tag</c> (an entity mention).</summary>
public sealed record ChatKitContentPart
{
    private ChatKitContentPart(string type, string text)
    {
        Type = type;
        Text = text;
    }

    public string Type { get; }

    public string Text { get; }

    public string? Id { get; private init; }

    public string? Group { get; private init; }

    public IReadOnlyDictionary<string, JsonElement>? Data { get; private init; }

    public bool? Interactive { get; private init; }

    public static ChatKitContentPart InputText(string text) => new("input_text", text);

    /// <summary>A tag for the entity <paramref name="id"/>, shown as <paramref name="text"/>; <paramref name="data"/> reaches the server.</summary>
    public static ChatKitContentPart InputTag(string id, string text, string? group = null, IReadOnlyDictionary<string, JsonElement>? data = null, bool? interactive = null) =>
        new("input_tag", text) { Id = id, Group = group, Data = data, Interactive = interactive };
}
