using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Turn;

/// <summary>The thread items as the model's chat messages, and the newest turn's facts read from the same items.</summary>
public sealed record ConvertedThread(List<ChatMessage> Messages, TurnFacts Facts);
