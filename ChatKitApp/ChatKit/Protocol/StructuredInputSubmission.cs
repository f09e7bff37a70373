namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The user's answers, keyed by question id.</summary>
public sealed record StructuredInputSubmission
{
    /// <summary>Answered or skipped (pending is not a valid submission).</summary>
    public StructuredInputStatus Status { get; set; } = StructuredInputStatus.Answered;

    public IReadOnlyDictionary<string, StructuredInputAnswer> Answers { get; set; } = new Dictionary<string, StructuredInputAnswer>();
}
