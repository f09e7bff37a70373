using ChatKitApp.Agents.Turn;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Tools;

/// <summary>
/// A server tool's function made once and bound to a turn per call, instead of a new
/// <see cref="AIFunction"/> built by reflection for every turn. The tool's method takes the
/// <see cref="AgentTurn"/> as a parameter, which the model never sees (it is left out of the schema):
/// <see cref="Bind"/> wraps the shared function for one turn and hands that turn to each call.
/// </summary>
public static class TurnFunction
{
    /// <summary>The function for <paramref name="method"/>, whose <see cref="AgentTurn"/> parameter comes from <see cref="Bind"/>.</summary>
    public static AIFunction Create(Delegate method, string name, string description) => AIFunctionFactory.Create(method, new AIFunctionFactoryOptions
    {
        Name = name,
        Description = description,
        ConfigureParameterBinding = parameter => parameter.ParameterType == typeof(AgentTurn)
            ? new AIFunctionFactoryOptions.ParameterBindingOptions { BindParameter = (_, arguments) => TurnOf(arguments), ExcludeFromSchema = true }
            : default,
    });

    /// <summary><paramref name="function"/> for one turn: a small wrapper, everything else is shared.</summary>
    public static AIFunction Bind(AIFunction function, AgentTurn turn) => new Bound(function, turn);

    private static AgentTurn TurnOf(AIFunctionArguments arguments) =>
        arguments.Context?.TryGetValue(typeof(AgentTurn), out var turn) is true && turn is AgentTurn bound
            ? bound
            : throw new InvalidOperationException("A turn function was called without its turn; call the function TurnFunction.Bind returned.");

    private sealed class Bound(AIFunction inner, AgentTurn turn) : DelegatingAIFunction(inner)
    {
        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            arguments.Context ??= new Dictionary<object, object?>();
            arguments.Context[typeof(AgentTurn)] = turn;
            return base.InvokeCoreAsync(arguments, cancellationToken);
        }
    }
}
