using System.ComponentModel;
using System.Text.Json.Nodes;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// Puts a multiple-choice question to the user as a <c>structured_input</c> item and ends the turn:
/// the answer comes back through <c>threads.add_structured_input</c>, which resumes the turn with the
/// answered item in the history (the converter describes it to the model).
/// </summary>
public sealed class AskQuestionTool : IServerTool
{
    public const string ToolName = "ask_question";
    public const string QuestionId = "choice";

    private const int MaxOptions = 8;

    public string Name => ToolName;

    public string Title => "Asking you a question";

    public string Icon => "circle-question";

    private AIFunction? _function;

    // Made once (a race may make it twice, harmlessly); each turn gets a small wrapper (see TurnFunction).
    public AIFunction CreateFunction(AgentTurn turn) => TurnFunction.Bind(_function ??= TurnFunction.Create(
        (
            AgentTurn current,
            [Description("The question, e.g. 'Which topic should I explain?'.")] string question,
            [Description("Two to eight short answers to choose from.")] string[] options,
            [Description("Whether the user may pick more than one answer.")] bool multiple = false) => Ask(current, question, options, multiple),
        ToolName,
        "Asks the user a multiple-choice question in the chat and waits for the answer. Use it when a choice from a few options decides how to go on; the turn ends here and resumes with the answer."), turn);

    private static JsonObject Ask(AgentTurn turn, string question, string[] options, bool multiple)
    {
        var choices = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().Take(MaxOptions).ToList();
        if (choices.Count < 2)
        {
            return new JsonObject { ["error"] = "Give at least two different options." };
        }

        turn.Emit(new ThreadItemDoneEvent(new StructuredInputItem
        {
            Id = turn.NewItemId(StoreItemType.Message),
            ThreadId = turn.Thread.Id,
            CreatedAt = turn.Now(),
            Inputs = [new MultipleChoiceInput { Id = QuestionId, Question = question, Options = [.. choices.Select(c => new StructuredInputOption(c))], Multiple = multiple }],
        }));

        // The model must not answer its own question: the loop stops, and the answer starts the next turn.
        if (FunctionInvokingChatClient.CurrentContext is { } invocation)
        {
            invocation.Terminate = true;
        }

        return new JsonObject { ["status"] = "asked", ["note"] = "The question is shown; the user's answer arrives in the next turn." };
    }
}
