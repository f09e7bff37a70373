using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The host's say over which streaming responses may open. Caps per user or per network address
/// belong to the host, which knows its users and its network; the protocol does not.
/// </summary>
public interface IChatKitStreamAdmission<in TContext>
{
    /// <summary>
    /// A slot held while the stream is open and disposed after its last event (before the response
    /// completes, so a client that has read the whole stream can open the next one). Throw a
    /// <see cref="ChatKitRequestException"/> (a 429, say) to refuse the request before it starts.
    /// Asynchronous because the count may live outside the process, shared by several instances.
    /// </summary>
    ValueTask<IAsyncDisposable> AdmitAsync(HttpContext httpContext, TContext context, CancellationToken cancellationToken);
}

/// <summary>The default admission: every stream may open.</summary>
internal sealed class UnlimitedStreams<TContext> : IChatKitStreamAdmission<TContext>
{
    public ValueTask<IAsyncDisposable> AdmitAsync(HttpContext httpContext, TContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NoSlot.Instance);

    private sealed class NoSlot : IAsyncDisposable
    {
        public static NoSlot Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
