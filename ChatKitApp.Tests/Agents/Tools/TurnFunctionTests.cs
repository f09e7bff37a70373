using System.Text.Json;
using ChatKitApp.Agents.Tools;
using ChatKitApp.Agents.Turn;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Tests.Agents.Tools;

public sealed class TurnFunctionTests
{
    [Fact]
    public void Turn_parameter_is_left_out_of_the_schema_the_model_sees()
    {
        var function = new CurrentTimeTool(TimeProvider.System).CreateFunction(Turn("thr_a"));

        var properties = function.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(["timeZone"], properties);
        Assert.Equal(CurrentTimeTool.ToolName, function.Name);
    }

    [Fact]
    public async Task Functions_of_one_tool_bound_to_two_turns_each_act_on_their_own_turn()
    {
        var tool = new ToastTool();
        var (first, second) = (Turn("thr_a"), Turn("thr_b"));
        var forFirst = tool.CreateFunction(first);
        var forSecond = tool.CreateFunction(second);

        await forSecond.InvokeAsync(new AIFunctionArguments { ["message"] = "to the second" });
        await forFirst.InvokeAsync(new AIFunctionArguments { ["message"] = "to the first" });

        Assert.Equal("to the first", MessageOf(Assert.Single(first.TakeEmitted())));
        Assert.Equal("to the second", MessageOf(Assert.Single(second.TakeEmitted())));
    }

    [Fact]
    public async Task Function_called_without_a_bound_turn_fails_clearly()
    {
        var unbound = TurnFunction.Create((AgentTurn current) => current.Thread.Id, "thread_id", "The thread's id.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await unbound.InvokeAsync(new AIFunctionArguments()));

        Assert.Contains("TurnFunction.Bind", error.Message, StringComparison.Ordinal);
        Assert.Equal("thr_c", JsonSerializer.Deserialize<string>((JsonElement)(await TurnFunction.Bind(unbound, Turn("thr_c")).InvokeAsync(new AIFunctionArguments()))!));
    }

    private static AgentTurn Turn(string threadId) =>
        new(new ThreadMetadata { Id = threadId, CreatedAt = DateTimeOffset.UnixEpoch }, new ChatKitRequestContext("u-1"), null, TimeZoneInfo.Utc);

    private static string? MessageOf(ThreadStreamEvent e) => Assert.IsType<ClientEffectEvent>(e).Data!["message"]!.GetValue<string>();
}
