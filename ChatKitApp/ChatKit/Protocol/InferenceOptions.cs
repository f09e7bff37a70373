namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The composer's tool-menu and model-picker choices.</summary>
public sealed record InferenceOptions
{
    public ToolChoice? ToolChoice { get; init; }

    public string? Model { get; init; }
}
