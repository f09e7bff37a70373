using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// What the newest turn is about, read from the thread items rather than from the prompt: the user's
/// message (tags written <c>@name</c>), the quoted text, the tagged entities, the page, the attachments
/// as the model received them, the answers when the turn resumes after a structured input, and how many
/// messages came before. The turn attaches it to its <see cref="ChatOptions"/>; real providers ignore it,
/// and the demo model answers from it, so the prompt's and the converter's wording can change freely.
/// </summary>
public sealed record TurnFacts
{
    /// <summary>The key in <see cref="ChatOptions.AdditionalProperties"/> (cloned with the options by the function-calling loop).</summary>
    public const string OptionsKey = "chatkitapp.turn_facts";

    public string Message { get; init; } = "";

    public string? QuotedText { get; init; }

    /// <summary>The names of the entities the message tagged, once each, in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<TurnAttachment> Attachments { get; init; } = [];

    /// <summary>One answer per question when the turn resumes after a structured input, else null.</summary>
    public IReadOnlyList<TurnAnswer>? Answers { get; init; }

    public PageContext? Page { get; init; }

    /// <summary>The user and assistant messages of the thread before this one (within the history the model sees).</summary>
    public int EarlierMessages { get; init; }

    public void AttachTo(ChatOptions options) => (options.AdditionalProperties ??= [])[OptionsKey] = this;

    public static TurnFacts? From(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionsKey, out var facts) == true ? facts as TurnFacts : null;
}
