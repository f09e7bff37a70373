using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The host's say over which streaming responses may open. Caps per user or per network address
/// belong to the host, which knows its users and its network; the protocol does not.
/// </summary>
public interface IChatKitStreamAdmission<in TContext>
{
    /// <summary>
    /// A slot held while the stream is open and disposed after its last event. Throw a
    /// <see cref="ChatKitRequestException"/> (a 429, say) to refuse the request before it starts.
    /// </summary>
    IDisposable Admit(HttpContext httpContext, TContext context);
}

/// <summary>The default admission: every stream may open.</summary>
internal sealed class UnlimitedStreams<TContext> : IChatKitStreamAdmission<TContext>
{
    public IDisposable Admit(HttpContext httpContext, TContext context) => NoSlot.Instance;

    private sealed class NoSlot : IDisposable
    {
        public static NoSlot Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
