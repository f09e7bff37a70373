using System.Reflection;
using System.Runtime.ExceptionServices;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A store that forwards every call to another one but fails the calls a predicate picks, as a
/// database that goes away mid-stream would.
/// </summary>
public class FailingStore : DispatchProxy
{
    private IChatKitStore<ChatKitRequestContext> _inner = null!;
    private Func<string, object?[], bool> _fails = null!;

    /// <param name="inner">The store that does the work.</param>
    /// <param name="fails">Given a method name and its arguments, whether the call fails.</param>
    public static IChatKitStore<ChatKitRequestContext> Wrap(IChatKitStore<ChatKitRequestContext> inner, Func<string, object?[], bool> fails)
    {
        var store = Create<IChatKitStore<ChatKitRequestContext>, FailingStore>();
        var proxy = (FailingStore)(object)store;
        proxy._inner = inner;
        proxy._fails = fails;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        if (_fails(targetMethod.Name, args))
        {
            return Faulted(targetMethod.ReturnType, new InvalidOperationException($"The store failed {targetMethod.Name}."));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    /// <summary>A failed task of the method's own return type (a plain Task would not cast to Task&lt;T&gt;).</summary>
    private static object Faulted(Type returnType, Exception exception)
    {
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var fromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);
            return fromException.MakeGenericMethod(returnType.GetGenericArguments()[0]).Invoke(null, [exception])!;
        }

        return Task.FromException(exception);
    }
}
