namespace ChatKitApp.Usage;

/// <summary>
/// One assistant turn as the operator view counts it: who, when, the tokens the model reported
/// (summed over the turn's model calls) and, when it failed, the code of the error event sent.
/// </summary>
public sealed record TurnRecord(string UserId, string ThreadId, DateTimeOffset At, long InputTokens, long OutputTokens, string? ErrorCode);
