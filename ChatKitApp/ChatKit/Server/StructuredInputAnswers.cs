using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>Turns a submission into the answered copy of a structured input item (the reference's rules).</summary>
public static class StructuredInputAnswers
{
    private static readonly StructuredInputAnswer SkippedAnswer = new() { Skipped = true };

    /// <summary>
    /// Each question gets the submitted values, or <c>skipped</c> when the whole submission was skipped
    /// or the question has no (or an empty, or a skipped) answer. A single-choice question keeps only its
    /// first value. Values are not checked against the options: free-text answers are allowed.
    /// Answers to unknown question ids are ignored.
    /// </summary>
    public static StructuredInputItem Apply(StructuredInputItem item, StructuredInputSubmission submission) => item with
    {
        Status = submission.Status,
        Inputs = [.. item.Inputs.Select(input => input with { Answer = AnswerFor(input, submission) })],
    };

    private static StructuredInputAnswer AnswerFor(StructuredInput input, StructuredInputSubmission submission)
    {
        if (submission.Status == StructuredInputStatus.Skipped ||
            !submission.Answers.TryGetValue(input.Id, out var answer) ||
            answer.Skipped ||
            answer.Values.Count == 0)
        {
            return SkippedAnswer;
        }

        var values = input is MultipleChoiceInput { Multiple: false } ? [answer.Values[0]] : answer.Values.ToList();
        return new StructuredInputAnswer { Values = values };
    }
}
