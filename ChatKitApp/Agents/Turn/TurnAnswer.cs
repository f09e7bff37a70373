namespace ChatKitApp.Agents.Turn;

/// <summary>
/// One question of a structured input and what the user answered; no values when the question was
/// skipped or left unanswered, so a reader never has to recognise a placeholder word.
/// </summary>
public sealed record TurnAnswer(string Question, IReadOnlyList<string> Values)
{
    public bool Skipped => Values.Count == 0;
}
