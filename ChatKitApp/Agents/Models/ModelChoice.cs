namespace ChatKitApp.Agents.Models;

/// <summary>A model the picker offers: its provider id and what the user sees.</summary>
public sealed class ModelChoice
{
    public string Id { get; set; } = "";

    public string? Label { get; set; }

    public string? Description { get; set; }
}
